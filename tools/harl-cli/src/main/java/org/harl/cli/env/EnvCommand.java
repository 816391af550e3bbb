package org.harl.cli.env;

import java.io.PrintWriter;
import java.util.Map;
import org.harl.core.jobs.EnvironmentReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code harl env}: Java, DJL, native build, devices, threads and CPU features of this machine. */
@Command(name = "env", mixinStandardHelpOptions = true,
        description = "Print what training would run with: Java, DJL and its PyTorch natives (cpu or cuXXX), "
                + "visible devices, thread settings and CPU features. See docs/devices.md.")
public final class EnvCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        Map<String, Map<String, String>> report = EnvironmentReport.collect();
        int width = report.values().stream().flatMap(s -> s.keySet().stream()).mapToInt(String::length).max()
                .orElse(0);
        report.forEach((section, lines) -> {
            out.println(section + ":");
            lines.forEach((k, v) -> out.printf("  %-" + width + "s  %s%n", k, v));
        });
        out.flush();
    }
}
