package org.harl.core.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/** A run's folder {@code runs/<name>/}: the resolved {@code config.yaml}, checkpoints, tracker files. */
public final class RunDirectory {

    public static final String CONFIG = "config.yaml";

    private RunDirectory() {
    }

    /** Writes the resolved experiment tree as YAML (temp file + rename). */
    public static void writeConfig(Path runDir, Map<String, Object> resolved) {
        DumperOptions o = new DumperOptions();
        o.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        o.setIndent(2);
        String text = new Yaml(o).dump(plain(resolved));
        try {
            Files.createDirectories(runDir);
            Path tmp = runDir.resolve(CONFIG + ".tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, runDir.resolve(CONFIG), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + runDir.resolve(CONFIG) + ": " + e.getMessage(), e);
        }
    }

    /** Plain maps, lists and scalars only (paths and enums as strings) so the YAML carries no Java tags. */
    private static Object plain(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new java.util.LinkedHashMap<>();
            m.forEach((k, x) -> out.put(String.valueOf(k), plain(x)));
            return out;
        }
        if (v instanceof java.util.Collection<?> c) {
            return c.stream().map(RunDirectory::plain).toList();
        }
        if (v == null || v instanceof Number || v instanceof Boolean || v instanceof String) {
            return v;
        }
        return v.toString();
    }
}
