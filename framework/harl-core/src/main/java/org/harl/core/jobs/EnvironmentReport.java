package org.harl.core.jobs;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.engine.StandardCapabilities;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.pytorch.jni.LibUtils;
import ai.djl.util.Utils;
import ai.djl.util.cuda.CudaUtils;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What this process trains with: Java, DJL and its PyTorch natives (flavour: cpu or a CUDA build), the devices the
 * engine sees, thread settings and the CPU's vector features. Starts the engine (so thread properties must be set
 * before). For bug reports and for checking a GPU setup (docs/devices.md).
 */
public final class EnvironmentReport {

    /** CPU features that matter for PyTorch's CPU kernels, as /proc/cpuinfo names them. */
    static final List<String> CPU_FEATURES = List.of("avx2", "avx512f", "avx512_bf16", "amx_tile", "amx_bf16",
            "amx_int8");

    /** Environment variables that change which natives DJL loads or how libtorch threads behave. */
    static final List<String> ENVIRONMENT = List.of("PYTORCH_FLAVOR", "PYTORCH_VERSION", "PYTORCH_LIBRARY_PATH",
            "DJL_CACHE_DIR", "ENGINE_CACHE_DIR", "CUDA_VISIBLE_DEVICES");

    // e.g. 2.7.1-20250812-cpu-linux-x86_64, 2.7.1-cu128-linux-x86_64, 2.5.1-cu124-precxx11-linux-x86_64
    private static final Pattern CACHE_DIR = Pattern.compile("\\d+(?:\\.\\d+)*(?:-\\d{8})?-(.+?)-(?:linux|osx|win)-.*");

    private EnvironmentReport() {
    }

    /** Section title → ordered key/value lines. */
    public static Map<String, Map<String, String>> collect() {
        Engine engine = Engine.getInstance();
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        Map<String, String> java = new LinkedHashMap<>();
        java.put("version", System.getProperty("java.version"));
        java.put("vendor", System.getProperty("java.vendor"));
        java.put("vm", System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"));
        out.put("java", java);

        Map<String, String> djl = new LinkedHashMap<>();
        djl.put("version", Engine.getDjlVersion());
        djl.put("engine", engine.getEngineName() + " " + engine.getVersion());
        String libtorch = LibUtils.getLibtorchPath();
        djl.put("native flavour", flavour(libtorch, System.getenv("PYTORCH_FLAVOR")));
        djl.put("native path", libtorch);
        List<String> caps = new ArrayList<>();
        for (String c : List.of(StandardCapabilities.CUDA, StandardCapabilities.CUDNN, StandardCapabilities.MKL,
                StandardCapabilities.MKLDNN, StandardCapabilities.OPENMP)) {
            if (engine.hasCapability(c)) {
                caps.add(c);
            }
        }
        djl.put("capabilities", caps.isEmpty() ? "none" : String.join(", ", caps));
        djl.put("offline", Utils.isOfflineMode() ? "yes (natives only from the classpath or the engine cache)"
                : "no (DJL may download natives)");
        for (String name : ENVIRONMENT) {
            djl.put(name, valueOrUnset(System.getenv(name)));
        }
        out.put("djl", djl);

        Map<String, String> devices = new LinkedHashMap<>();
        int gpus = engine.getGpuCount();
        List<String> names = new ArrayList<>(List.of("cpu"));
        for (int i = 0; i < gpus; i++) {
            names.add("gpu:" + i);
        }
        devices.put("visible", String.join(", ", names));
        devices.put("gpus", Integer.toString(gpus));
        devices.put("default", describe(engine.defaultDevice()));
        if (CudaUtils.hasCuda()) {
            devices.put("cuda", CudaUtils.getCudaVersionString());
            for (int i = 0; i < gpus; i++) {
                var mem = CudaUtils.getGpuMemory(Device.gpu(i));
                devices.put("gpu:" + i, "compute capability " + CudaUtils.getComputeCapability(i) + ", "
                        + mem.getMax() / (1 << 20) + " MiB");
            }
        }
        out.put("devices", devices);

        Map<String, String> threads = new LinkedHashMap<>();
        threads.put("intra-op", Integer.toString(JniUtils.getNumThreads()));
        threads.put("inter-op", Integer.toString(JniUtils.getNumInteropThreads()));
        threads.put("available processors", Integer.toString(Runtime.getRuntime().availableProcessors()));
        for (String name : List.of("OMP_NUM_THREADS", "OMP_WAIT_POLICY", "MALLOC_ARENA_MAX", "GLIBC_TUNABLES")) {
            threads.put(name, valueOrUnset(System.getenv(name)));
        }
        out.put("threads", threads);

        Map<String, String> cpu = new LinkedHashMap<>();
        String info = cpuinfo();
        if (info == null) {
            cpu.put("features", "unknown (no /proc/cpuinfo)");
        } else {
            cpu.put("model", modelName(info));
            Set<String> flags = cpuFlags(info);
            for (String f : CPU_FEATURES) {
                cpu.put(f, flags.contains(f) ? "yes" : "no");
            }
        }
        out.put("cpu", cpu);
        return out;
    }

    /**
     * The native build: {@code PYTORCH_FLAVOR} when set, else read from DJL's engine cache directory name
     * ({@code 2.7.1-20250812-cpu-linux-x86_64} → {@code cpu}); "unknown" for a user-supplied libtorch.
     */
    static String flavour(String libtorchPath, String flavorEnv) {
        if (flavorEnv != null && !flavorEnv.isBlank()) {
            return flavorEnv.trim() + " (PYTORCH_FLAVOR)";
        }
        if (libtorchPath == null) {
            return "unknown";
        }
        Matcher m = CACHE_DIR.matcher(Path.of(libtorchPath).getFileName().toString());
        return m.matches() ? m.group(1) : "unknown (libtorch at " + libtorchPath + ")";
    }

    /** The flags of the first processor in a /proc/cpuinfo text. */
    static Set<String> cpuFlags(String cpuinfo) {
        for (String line : cpuinfo.split("\n")) {
            if (line.startsWith("flags")) {
                int colon = line.indexOf(':');
                return new TreeSet<>(List.of(line.substring(colon + 1).trim().split("\\s+")));
            }
        }
        return Set.of();
    }

    static String modelName(String cpuinfo) {
        for (String line : cpuinfo.split("\n")) {
            if (line.startsWith("model name")) {
                return line.substring(line.indexOf(':') + 1).trim();
            }
        }
        return "unknown";
    }

    private static String cpuinfo() {
        try {
            return Files.readString(Path.of("/proc/cpuinfo"));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String describe(Device d) {
        return d.isGpu() ? "gpu:" + d.getDeviceId() : d.getDeviceType();
    }

    private static String valueOrUnset(String v) {
        return v == null ? "(unset)" : v;
    }
}
