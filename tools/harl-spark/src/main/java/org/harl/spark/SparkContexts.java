package org.harl.spark;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.harl.cli.spark.SparkOptions;
import org.harl.cli.spark.SparkSettings;

/** Starts the Spark context of one {@code --spark} command. */
final class SparkContexts {

    /** Process settings the launcher gives the driver (allocator, OpenMP waiting) that executors should share. */
    static final List<String> SHARED_ENVIRONMENT = List.of("MALLOC_ARENA_MAX", "GLIBC_TUNABLES", "OMP_WAIT_POLICY");

    private SparkContexts() {
    }

    /**
     * {@code spark.executorEnv.*} entries giving executors the driver's values of {@link #SHARED_ENVIRONMENT}:
     * executors are started by Spark, not by the harl launcher, and would otherwise train with glibc's and
     * libgomp's defaults.
     */
    static Map<String, String> sharedExecutorEnvironment(Map<String, String> driverEnvironment) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : SHARED_ENVIRONMENT) {
            String value = driverEnvironment.get(name);
            if (value != null) {
                out.put("spark.executorEnv." + name, value);
            }
        }
        return out;
    }

    /**
     * A context on the settings' master, {@code spark.*} system properties and {@code --spark-conf} applied (in that
     * order), with {@code defaults} for keys neither sets. A cluster master needs harl's classes on the executors.
     */
    static JavaSparkContext start(SparkSettings settings, String appName, Map<String, String> defaults) {
        SparkConf conf = new SparkConf(true).setAppName(appName);
        // under spark-submit (which sets spark.master), a bare --spark takes spark-submit's --master
        if (!settings.master().equals(SparkOptions.LOCAL) || !conf.contains("spark.master")) {
            conf.setMaster(settings.master());
        }
        // the driver prints its own progress (tasks done, images/s) instead of Spark's console bar
        conf.setIfMissing("spark.ui.showConsoleProgress", "false");
        settings.conf().forEach(conf::set);
        defaults.forEach(conf::setIfMissing);
        sharedExecutorEnvironment(System.getenv()).forEach(conf::setIfMissing);
        if (!settings.local() && !conf.contains("spark.jars") && !conf.contains("spark.executor.extraClassPath")) {
            throw new IllegalArgumentException("--spark " + settings.master() + ": the executors need harl's classes; "
                    + "give the application jar with --spark-conf spark.jars=PATH/harl-spark-app.jar (built by "
                    + "mvn -Pspark-app package, see docs/spark.md)");
        }
        return new JavaSparkContext(conf);
    }

    /** Task slots of a local master ({@code local} = 1, {@code local[N]}, {@code local[*]}), or 0 for a cluster. */
    static int localCores(SparkSettings settings) {
        String m = settings.master();
        if (m.equals("local")) {
            return 1;
        }
        if (!m.startsWith("local[")) {
            return 0;
        }
        String n = m.substring("local[".length(), m.indexOf(']') > 0 ? m.indexOf(']') : m.length()).split(",")[0];
        return n.trim().equals("*") ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(n.trim());
    }
}
