package org.harl.spark;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A Spark standalone cluster on 127.0.0.1 made of separate JVMs started from this JVM's classpath (no Spark
 * distribution): one Master and one 1-core Worker at a time. Every process it starts, executors included, is
 * stopped by PID in {@link #close}.
 */
final class StandaloneCluster implements AutoCloseable {

    private static final long START_TIMEOUT_MS = 90_000;

    private final Path dir;
    private final Path home;
    private final String classPath = System.getProperty("java.class.path");
    private final List<String> flags;
    private final Set<ProcessHandle> started = new LinkedHashSet<>();
    private final int masterPort;
    private Process worker;
    private int workers;

    /** Starts the Master and a first Worker; stops what it started if either fails to come up. */
    StandaloneCluster(Path dir) throws Exception {
        this.dir = dir;
        this.home = sparkHome(dir.resolve("spark-home"), classPath);
        this.flags = Arrays.stream(System.getProperty("harl.spark.jvmFlags", "").trim().split("\\s+"))
                .filter(f -> !f.isEmpty()).toList();
        this.masterPort = freePort();
        try {
            Process master = start("master", List.of("-Dspark.master.rest.enabled=false",
                    "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port",
                    Integer.toString(masterPort), "--webui-port", Integer.toString(freePort())));
            awaitLog(master, dir.resolve("master.log"), "I have been elected leader");
            startWorker();
        } catch (Exception | AssertionError e) {
            close();
            throw e;
        }
    }

    String master() {
        return "spark://127.0.0.1:" + masterPort;
    }

    /** The driver settings that reach this cluster from the test JVM. */
    List<String> driverArgs() {
        return List.of("--spark=" + master(),
                "--spark-conf", "spark.driver.host=127.0.0.1",
                "--spark-conf", "spark.driver.bindAddress=127.0.0.1",
                "--spark-conf", "spark.ui.enabled=false",
                "--spark-conf", "spark.executor.memory=768m",
                // one machine: the executors read harl's classes where the tests do (a cluster gets spark.jars)
                "--spark-conf", "spark.executor.extraClassPath=" + classPath,
                "--spark-conf", "spark.executor.extraJavaOptions=-Dai.djl.offline=true "
                        + "-Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1");
    }

    /** Starts a 1-core Worker and waits until the Master has registered it. */
    void startWorker() throws Exception {
        String name = "worker" + (++workers);
        Path work = Files.createDirectories(dir.resolve(name + "-work"));
        worker = start(name, List.of("org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--port",
                Integer.toString(freePort()), "--webui-port", Integer.toString(freePort()), "--cores", "1",
                "--memory", "1g", "--work-dir", work.toString(), master()));
        awaitLog(worker, dir.resolve(name + ".log"), "Successfully registered with master");
    }

    /** A lost machine: kills the Worker and its executors by PID (SIGKILL), and waits until they are gone. */
    void killWorker() throws InterruptedException {
        List<ProcessHandle> doomed = new ArrayList<>(worker.toHandle().descendants().toList());
        doomed.add(0, worker.toHandle());
        started.addAll(doomed);
        for (ProcessHandle p : doomed) {
            p.destroyForcibly();
        }
        for (ProcessHandle p : doomed) {
            p.onExit().join();
        }
    }

    /** Whether the current Worker has started an executor yet. */
    boolean workerHasExecutor() {
        return worker.toHandle().descendants().findAny().isPresent();
    }

    @Override
    public void close() {
        List<ProcessHandle> all = new ArrayList<>();
        for (ProcessHandle p : started) {
            all.addAll(p.descendants().toList());
            all.add(p);
        }
        for (ProcessHandle p : all) {
            p.destroyForcibly();
        }
        for (ProcessHandle p : all) {
            try {
                p.onExit().get(20, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("process " + p.pid() + " did not stop", e);
            }
        }
        try (var links = Files.list(home.resolve("jars"))) { // links only: the jars stay
            for (Path link : links.toList()) {
                Files.delete(link);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Process start(String name, List<String> mainAndArgs) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx384m");
        // the daemons only pass messages: the quick compiler alone starts them sooner on a busy machine
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-XX:+UseSerialGC");
        command.addAll(flags);
        command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=info");
        command.add("-cp");
        command.add(classPath);
        command.addAll(mainAndArgs);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile());
        pb.environment().put("SPARK_HOME", home.toString());
        pb.environment().put("SPARK_SCALA_VERSION", "2.13"); // else executors look for a Spark build directory
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        pb.environment().put("OMP_NUM_THREADS", "1");
        // executors' scratch folders (spark-*, blockmgr-*) go under the test's folder, not the shared /tmp
        pb.environment().put("SPARK_LOCAL_DIRS", Files.createDirectories(dir.resolve("scratch")).toString());
        Process p = pb.start();
        started.add(p.toHandle());
        return p;
    }

    private static void awaitLog(Process p, Path log, String line) throws Exception {
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
        while (System.currentTimeMillis() < deadline) {
            if (Files.exists(log) && Files.readString(log).contains(line)) {
                return;
            }
            if (!p.isAlive()) {
                throw new AssertionError(log.getFileName() + ": exited before '" + line + "':\n" + tail(log));
            }
            Thread.sleep(100);
        }
        throw new AssertionError(log.getFileName() + ": no '" + line + "' after " + START_TIMEOUT_MS + " ms:\n"
                + tail(log));
    }

    static String tail(Path log) throws IOException {
        if (!Files.exists(log)) {
            return "(no log)";
        }
        String s = Files.readString(log);
        return s.substring(Math.max(0, s.length() - 4000));
    }

    /** A SPARK_HOME whose jars/ links every jar of the classpath: what a Worker gives its executors. */
    private static Path sparkHome(Path home, String classPath) throws IOException {
        Path jars = Files.createDirectories(home.resolve("jars"));
        for (String entry : classPath.split(File.pathSeparator)) {
            Path jar = Path.of(entry);
            if (entry.endsWith(".jar") && Files.isRegularFile(jar) && !Files.exists(jars.resolve(jar.getFileName()))) {
                Files.createSymbolicLink(jars.resolve(jar.getFileName()), jar.toAbsolutePath());
            }
        }
        return home;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }
}
