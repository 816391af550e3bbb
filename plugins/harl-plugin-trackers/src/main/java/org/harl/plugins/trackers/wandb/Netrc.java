package org.harl.plugins.trackers.wandb;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Reads the password for one machine from a netrc file, the way W&B stores its key ({@code wandb login}). */
final class Netrc {
    private Netrc() {
    }

    /** {@code $NETRC}, else {@code ~/.netrc}, else {@code ~/_netrc}. */
    static Optional<Path> locate(String netrcVariable, String home) {
        if (netrcVariable != null && !netrcVariable.isBlank()) {
            return Optional.of(Path.of(netrcVariable));
        }
        if (home == null) {
            return Optional.empty();
        }
        for (String name : List.of(".netrc", "_netrc")) {
            Path p = Path.of(home, name);
            if (Files.isRegularFile(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The password of {@code machine} (host or host:port), if the file has one. */
    static Optional<String> password(Path file, String machine) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        String[] tokens = Files.readString(file, StandardCharsets.UTF_8).trim().split("\\s+");
        boolean inMachine = false;
        for (int i = 0; i < tokens.length; i++) {
            String t = tokens[i];
            if (t.equals("machine") && i + 1 < tokens.length) {
                inMachine = tokens[++i].equals(machine);
            } else if (t.equals("default")) {
                inMachine = false;
            } else if (t.equals("password") && i + 1 < tokens.length) {
                String password = tokens[++i];
                if (inMachine) {
                    return Optional.of(password);
                }
            }
        }
        return Optional.empty();
    }
}
