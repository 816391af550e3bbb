package org.harl.cli.spark;

import java.util.Map;
import java.util.Objects;

/**
 * Where a {@code --spark} command runs.
 *
 * @param master Spark master URL: {@code local[*]}, {@code local[N]}, {@code spark://host:port}, {@code yarn},
 *               {@code k8s://...}
 * @param conf   extra Spark settings ({@code --spark-conf KEY=VALUE}); {@code spark.*} system properties apply too
 */
public record SparkSettings(String master, Map<String, String> conf) {
    public SparkSettings {
        Objects.requireNonNull(master, "master");
        if (master.isBlank()) {
            throw new IllegalArgumentException("--spark: the master URL is empty (omit it for local[*])");
        }
        conf = Map.copyOf(conf);
    }

    /** Whether tasks run inside the driver JVM ({@code local}, {@code local[N]}, {@code local[N,F]}). */
    public boolean local() {
        return master.equals("local") || master.startsWith("local[");
    }
}
