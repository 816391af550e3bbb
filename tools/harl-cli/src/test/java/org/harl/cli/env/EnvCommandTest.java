package org.harl.cli.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import java.util.regex.Pattern;
import org.harl.cli.CliRunner;
import org.junit.jupiter.api.Test;

class EnvCommandTest {

    @Test
    void printsEverySectionWithTheCpuFlavourOfTheBundledNatives() {
        CliRunner.Result r = CliRunner.run("env");
        assertEquals(0, r.exitCode(), r.err());
        String out = r.out().replace("\r\n", "\n");
        for (String section : new String[] {"java:", "djl:", "devices:", "threads:", "cpu:"}) {
            assertTrue(out.contains("\n" + section + "\n") || out.startsWith(section + "\n"), section + "\n" + out);
        }
        assertLine(out, "version", Pattern.quote(System.getProperty("java.version")));
        assertLine(out, "version", Pattern.quote(Engine.getDjlVersion()));
        assertLine(out, "engine", "PyTorch \\d+\\.\\d+\\.\\d+");
        // the build bundles pytorch-native-cpu; a CUDA flavour here would mean another native was picked up
        if (System.getenv("PYTORCH_FLAVOR") == null) {
            assertLine(out, "native flavour", "cpu");
        }
        int gpus = Engine.getInstance().getGpuCount();
        assertLine(out, "gpus", Integer.toString(gpus));
        assertLine(out, "visible", gpus == 0 ? "cpu" : "cpu, gpu:0.*");
        assertLine(out, "intra-op", "\\d+");
        assertLine(out, "inter-op", "\\d+");
        assertLine(out, "available processors", Integer.toString(Runtime.getRuntime().availableProcessors()));
        assertLine(out, "OMP_NUM_THREADS", ".+");
        assertLine(out, "GLIBC_TUNABLES", ".+");
        assertLine(out, "offline", "(yes|no) .*");
        for (String flag : new String[] {"avx2", "avx512f", "avx512_bf16", "amx_bf16"}) {
            assertLine(out, flag, "yes|no");
        }
    }

    private static void assertLine(String out, String key, String valueRegex) {
        Pattern p = Pattern.compile("^  " + Pattern.quote(key) + " +(" + valueRegex + ")$", Pattern.MULTILINE);
        assertTrue(p.matcher(out).find(), "no line '" + key + "' matching " + valueRegex + " in\n" + out);
    }
}
