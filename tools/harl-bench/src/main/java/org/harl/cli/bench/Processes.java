package org.harl.cli.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Runs a reference tool to completion; a failure names the command, its exit code and its output. */
final class Processes {

    private Processes() {
    }

    /** @param echo copy the tool's output lines to {@code out} as they come */
    static void run(List<String> cmd, PrintWriter out, boolean echo) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        StringBuilder all = new StringBuilder();
        int code;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                all.append(line).append('\n');
                if (echo) {
                    out.println(line);
                    out.flush();
                }
            }
            code = p.waitFor();
        } finally {
            p.destroy();
        }
        if (code != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " exited with " + code
                    + " (needs: apt-get install -y python3-torch python3-numpy python3-skimage):\n"
                    + all.toString().strip());
        }
    }
}
