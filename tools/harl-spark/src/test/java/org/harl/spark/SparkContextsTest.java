package org.harl.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SparkContextsTest {

    @Test
    void executorsGetTheDriversAllocatorAndOpenMpSettingsOnly() {
        Map<String, String> driver = Map.of("MALLOC_ARENA_MAX", "2", "GLIBC_TUNABLES", "glibc.malloc.top_pad=1",
                "HARL_WANDB_API_KEY", "secret", "PATH", "/bin");
        assertEquals(Map.of("spark.executorEnv.MALLOC_ARENA_MAX", "2", "spark.executorEnv.GLIBC_TUNABLES",
                "glibc.malloc.top_pad=1"), SparkContexts.sharedExecutorEnvironment(driver));
    }

    @Test
    void anEmptyValueIsPassedOnAsTheUsersChoice() {
        assertEquals(Map.of("spark.executorEnv.GLIBC_TUNABLES", ""),
                SparkContexts.sharedExecutorEnvironment(Map.of("GLIBC_TUNABLES", "")));
    }
}
