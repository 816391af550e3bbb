package org.harl.testing;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** Test data kept in a module's {@code src/test/resources}, as files (some readers need a path, not a stream). */
public final class TestResources {

    private TestResources() {
    }

    /**
     * The file or folder {@code name} (relative to the test classpath root) as seen from {@code testClass}'s
     * class loader.
     *
     * @throws IllegalStateException naming the resource when it is missing or not a plain file on disk
     */
    public static Path path(Class<?> testClass, String name) {
        URL url = testClass.getClassLoader().getResource(name);
        if (url == null) {
            throw new IllegalStateException("test resource '" + name + "' is not on the test classpath of "
                    + testClass.getName() + " (it belongs in that module's src/test/resources/" + name + ")");
        }
        if (!"file".equals(url.getProtocol())) {
            throw new IllegalStateException("test resource '" + name + "' is not a file on disk: " + url);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("test resource '" + name + "': bad URL " + url, e);
        }
    }
}
