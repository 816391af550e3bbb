package org.harl.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Finds the {@code shared/} folder that lies beside the repository (reference test data, design docs). */
public final class SharedData {

    private SharedData() {
    }

    /** The {@code shared} folder: the first {@code shared/testdata} found walking up from the working directory. */
    public static Path dir() {
        Path p = Paths.get("").toAbsolutePath();
        for (Path q = p; q != null; q = q.getParent()) {
            if (Files.isDirectory(q.resolve("shared/testdata"))) {
                return q.resolve("shared");
            }
        }
        throw new IllegalStateException("no shared/testdata folder above " + p
                + " (CI and developers keep shared/ beside the repository)");
    }

    /** A path under {@code shared/testdata}. */
    public static Path testdata(String relative) {
        return dir().resolve("testdata").resolve(relative);
    }
}
