package org.harl.core.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class EnvironmentReportTest {

    @Test
    void flavourComesFromTheEngineCacheDirectoryOrPytorchFlavor() {
        assertEquals("cpu", EnvironmentReport.flavour("/root/.djl.ai/pytorch/2.7.1-20250812-cpu-linux-x86_64", null));
        assertEquals("cu128", EnvironmentReport.flavour("/c/pytorch/2.7.1-cu128-linux-x86_64", null));
        assertEquals("cu124-precxx11", EnvironmentReport.flavour("/c/pytorch/2.5.1-cu124-precxx11-linux-x86_64", ""));
        assertEquals("cu128 (PYTORCH_FLAVOR)", EnvironmentReport.flavour("/opt/torch/lib", "cu128"));
        assertTrue(EnvironmentReport.flavour("/opt/torch/lib", null).startsWith("unknown (libtorch at /opt/torch"));
    }

    @Test
    void cpuFlagsAreReadFromTheFirstProcessor() {
        String info = "processor\t: 0\nmodel name\t: Some CPU\nflags\t\t: fpu avx2 avx512f amx_bf16\n\n"
                + "processor\t: 1\nflags\t\t: fpu\n";
        assertEquals(Set.of("fpu", "avx2", "avx512f", "amx_bf16"), EnvironmentReport.cpuFlags(info));
        assertEquals("Some CPU", EnvironmentReport.modelName(info));
        assertEquals(Set.of(), EnvironmentReport.cpuFlags("processor : 0\n"));
    }
}
