package org.harl.core.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.harl.core.config.DeviceSpec;
import org.harl.core.config.TrainingConfig;

/**
 * The devices a run trains on, chosen from {@code training.device} and the GPUs the engine sees: {@code auto} is
 * every GPU if there is one, else the CPU. The first device holds the master copy of the networks (optimizer, EMA,
 * checkpoints, monitor); with several, each batch is split across them (see {@link DataParallelStep}).
 */
public final class Devices {

    private final List<Device> devices;

    private Devices(List<Device> devices) {
        this.devices = List.copyOf(devices);
    }

    /** The devices for {@code training}, checked against the engine's GPUs and the batch size. */
    public static Devices forTraining(TrainingConfig training) {
        Devices d = select(training.device(), Engine.getInstance().getGpuCount());
        d.checkBatch(training.batchSize());
        return d;
    }

    /**
     * The devices {@code spec} names on a machine with {@code gpuCount} visible GPUs.
     *
     * @throws IllegalArgumentException naming {@code training.device} and the visible devices when one is missing
     */
    static Devices select(DeviceSpec spec, int gpuCount) {
        List<Device> out = new ArrayList<>();
        switch (spec.kind()) {
            case CPU -> out.add(Device.cpu());
            case AUTO -> {
                if (gpuCount == 0) {
                    out.add(Device.cpu());
                }
                for (int i = 0; i < gpuCount; i++) {
                    out.add(Device.gpu(i));
                }
            }
            case ALL_GPUS -> {
                if (gpuCount == 0) {
                    throw new IllegalArgumentException("training.device: gpu asks for every GPU, but the engine sees "
                            + "none; visible devices: " + visible(gpuCount) + noGpuHint());
                }
                for (int i = 0; i < gpuCount; i++) {
                    out.add(Device.gpu(i));
                }
            }
            case GPUS -> {
                for (int id : spec.gpus()) {
                    if (id >= gpuCount) {
                        throw new IllegalArgumentException("training.device: gpu:" + id + " is not visible; visible "
                                + "devices: " + visible(gpuCount) + (gpuCount == 0 ? noGpuHint() : ""));
                    }
                    out.add(Device.gpu(id));
                }
            }
            default -> throw new IllegalStateException("unhandled device kind " + spec.kind());
        }
        return new Devices(out);
    }

    /**
     * The one device an evaluation or mask tool computes on: the first that {@code spec} names.
     *
     * @param key names where {@code spec} came from in errors, e.g. {@code --device}
     */
    public static Device forEvaluation(DeviceSpec spec, String key) {
        try {
            return select(spec, Engine.getInstance().getGpuCount()).primary();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage().replaceFirst("^training\\.device", key), e);
        }
    }

    /** Explicit devices (tests: several CPU replicas exercise the data-parallel path). */
    static Devices of(List<Device> devices) {
        if (devices.isEmpty()) {
            throw new IllegalArgumentException("no devices");
        }
        return new Devices(devices);
    }

    /** "cpu, gpu:0, gpu:1": what a run could use here. */
    static String visible(int gpuCount) {
        StringBuilder out = new StringBuilder("cpu");
        for (int i = 0; i < gpuCount; i++) {
            out.append(", gpu:").append(i);
        }
        return out.toString();
    }

    private static String noGpuHint() {
        return " (the CPU build of PyTorch sees no GPU: see docs/devices.md for the CUDA natives)";
    }

    /** Batch norm needs two images per device; a split leaving fewer is a configuration error. */
    void checkBatch(int batchSize) {
        if (devices.size() > 1 && batchSize / devices.size() < 2) {
            throw new IllegalArgumentException("training.batch_size: " + batchSize + " images split over "
                    + devices.size() + " devices (" + this + ") leave fewer than 2 per device, too few for batch "
                    + "norm; raise batch_size to at least " + 2 * devices.size() + " or name fewer devices");
        }
    }

    /** The device of the master copy. */
    public Device primary() {
        return devices.get(0);
    }

    public List<Device> all() {
        return devices;
    }

    /** Whether batches are split across several devices. */
    public boolean parallel() {
        return devices.size() > 1;
    }

    /** "gpu:0, gpu:1" or "cpu". */
    @Override
    public String toString() {
        return devices.stream().map(Devices::name).collect(Collectors.joining(", "));
    }

    static String name(Device d) {
        return d.isGpu() ? "gpu:" + d.getDeviceId() : d.getDeviceType();
    }
}
