package org.harl.testing;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TestResourcesTest {

    @Test
    void findsAFileOnTheTestClasspath() {
        Path p = TestResources.path(TestResourcesTest.class, "org/harl/testing/TestResources.class");
        assertTrue(Files.isRegularFile(p), p.toString());
    }

    @Test
    void aMissingResourceIsNamedWithTheFolderItBelongsIn() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> TestResources.path(TestResourcesTest.class, "no-such/fixture.bin"));
        assertTrue(e.getMessage().contains("'no-such/fixture.bin'")
                && e.getMessage().contains("src/test/resources/no-such/fixture.bin"), e.getMessage());
    }
}
