package org.harl.cli.spark;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ArrayList;
import picocli.CommandLine.Option;

/** The options that move a command onto Apache Spark: {@code --spark [MASTER]} and {@code --spark-conf KEY=VALUE}. */
public final class SparkOptions {

    /** Spark's master for the embedded default: every core of this machine. */
    public static final String LOCAL = "local[*]";

    @Option(names = "--spark", arity = "0..1", fallbackValue = LOCAL, paramLabel = "MASTER",
            description = {"run on Apache Spark: no MASTER = ${FALLBACK-VALUE} (this JVM), or spark://host:7077, yarn, "
                    + "k8s://... (docs/spark.md); write --spark=MASTER before a positional argument"})
    String master;

    @Option(names = "--spark-conf", paramLabel = "KEY=VALUE",
            description = "a Spark setting, e.g. --spark-conf spark.jars=harl-spark-app.jar (repeatable)")
    List<String> conf = new ArrayList<>();

    /** The settings when {@code --spark} was given. */
    public Optional<SparkSettings> settings() {
        if (master == null) {
            if (!conf.isEmpty()) {
                throw new IllegalArgumentException("--spark-conf needs --spark");
            }
            return Optional.empty();
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (String kv : conf) {
            int eq = kv.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--spark-conf expects KEY=VALUE, got '" + kv + "'");
            }
            map.put(kv.substring(0, eq).trim(), kv.substring(eq + 1).trim());
        }
        return Optional.of(new SparkSettings(master, map));
    }
}
