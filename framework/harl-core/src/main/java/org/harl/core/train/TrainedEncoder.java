package org.harl.core.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.harl.core.config.ComponentBinder;
import org.harl.core.config.DeviceSpec;
import org.harl.core.config.ExperimentBinder;
import org.harl.core.config.ExperimentConfig;
import org.harl.core.config.ExperimentLoader;
import org.harl.core.data.EvalBatch;
import org.harl.core.registry.PluginContexts;
import org.harl.core.registry.PluginRegistry;
import org.harl.core.run.RunDirectory;
import org.harl.spi.PluginContext;
import org.harl.spi.augment.Augmentation;
import org.harl.spi.backbone.Backbone;
import org.harl.spi.encoder.FeatureStage;

/**
 * The frozen online encoder of a finished (or interrupted) run, for evaluation and mask tools: rebuilt from the
 * run's {@code config.yaml} and loaded from its latest checkpoint. Batch norm uses running statistics.
 * Not thread-safe; close it to free the native memory.
 */
public final class TrainedEncoder implements AutoCloseable {

    private final ExperimentConfig experiment;
    private final SslNetworks nets;
    private final EncoderFeatures features;
    private final long step;
    private final Path checkpoint;

    private TrainedEncoder(ExperimentConfig experiment, SslNetworks nets, long step, Path checkpoint) {
        this.experiment = experiment;
        this.nets = nets;
        this.features = new EncoderFeatures(nets);
        this.step = step;
        this.checkpoint = checkpoint;
    }

    /**
     * Loads {@code runDir/config.yaml} and the newest checkpoint in {@code runDir/checkpoints}, on the run's
     * {@code training.device} (its first device).
     */
    public static TrainedEncoder load(Path runDir, PluginRegistry registry) throws IOException {
        return build(runDir, registry, true, Optional.empty());
    }

    /** As {@link #load(Path, PluginRegistry)}, on {@code device} if given (named {@code --device} in errors). */
    public static TrainedEncoder load(Path runDir, PluginRegistry registry, Optional<DeviceSpec> device)
            throws IOException {
        return build(runDir, registry, true, device);
    }

    /**
     * The run's architecture with freshly initialised weights (the run's seed), no checkpoint: the random
     * initialisation baseline of evaluation tables. {@link #step()} is 0 and {@link #checkpoint()} null.
     */
    public static TrainedEncoder untrained(Path runDir, PluginRegistry registry) throws IOException {
        return build(runDir, registry, false, Optional.empty());
    }

    /** As {@link #untrained(Path, PluginRegistry)}, on {@code device} if given. */
    public static TrainedEncoder untrained(Path runDir, PluginRegistry registry, Optional<DeviceSpec> device)
            throws IOException {
        return build(runDir, registry, false, device);
    }

    private static TrainedEncoder build(Path runDir, PluginRegistry registry, boolean fromCheckpoint,
                                        Optional<DeviceSpec> device) throws IOException {
        RunDirectory run = new RunDirectory(runDir);
        if (!run.hasConfig()) {
            throw new IOException(runDir + " is not a run directory: no " + RunDirectory.CONFIG);
        }
        Path config = run.configFile();
        Path latest = null;
        if (fromCheckpoint) {
            latest = new Checkpoints(run).latest().orElseThrow(() -> new IOException(
                    "no checkpoint in " + run.checkpoints() + ": the run has not saved one yet"));
        }
        ComponentBinder components = new ComponentBinder(registry);
        ExperimentConfig experiment = new ExperimentLoader(new ExperimentBinder(components)).load(config, List.of());
        PluginContext ctx = new PluginContexts(registry, components).forExperiment(experiment, Optional.of(runDir));
        Backbone backbone = registry.create(experiment.backbone(), ctx, Backbone.class);
        Augmentation augmentation = registry.create(experiment.augmentation(), ctx, Augmentation.class);
        // the run's device, not DJL's default (the first GPU whenever one is visible)
        Device on = device.isPresent() ? Devices.forEvaluation(device.get(), "--device")
                : Devices.forEvaluation(experiment.training().device(), "training.device (" + config + ")");
        SslNetworks nets = new SslNetworks(backbone, experiment.heads(), augmentation.outputSize(), experiment.seed(),
                on);
        if (latest == null) {
            return new TrainedEncoder(experiment, nets, 0, null);
        }
        try {
            Checkpoints.Position p = Checkpoints.load(latest, nets, null);
            return new TrainedEncoder(experiment, nets, p.globalStep(), latest);
        } catch (IOException | RuntimeException e) {
            nets.close();
            throw e;
        }
    }

    /** Where the encoder's arrays live. */
    public Device device() {
        return nets.manager().getDevice();
    }

    public ExperimentConfig experiment() {
        return experiment;
    }

    /** The global step of the loaded checkpoint. */
    public long step() {
        return step;
    }

    public Path checkpoint() {
        return checkpoint;
    }

    /** GAP of C5, one row of {@link #featureChannels()} floats per image. */
    public float[][] features(EvalBatch batch) {
        return features.features(batch);
    }

    /** C5 (n, C, h, w) of planar normalised images (n, 3, side, side), attached to {@code manager}. */
    public NDArray c5(NDManager manager, float[] images, int n, int side) {
        return features.c5(manager, images, n, side);
    }

    /**
     * The map of {@code stage} (C5, or C4 where the backbone gives it) of planar normalised images, attached to
     * {@code manager}.
     *
     * @throws IllegalArgumentException for C4 when the backbone has no stage before the last (names {@code feature_stage})
     */
    public NDArray features(NDManager manager, float[] images, int n, int side, FeatureStage stage) {
        return features.features(manager, images, n, side, stage);
    }

    /**
     * C5 of {@code images} through the online backbone, recording a graph inside a gradient collector: for
     * fine-tuning (semi-supervised evaluation). {@code training} selects batch statistics in BN (and updates its
     * running statistics).
     */
    public NDArray c5(NDArray images, boolean training) {
        return nets.c5(images, false, training);
    }

    /** The online backbone's trainable parameters by stable name (what fine-tuning updates). */
    public Map<String, Parameter> backboneParameters() {
        Map<String, Parameter> out = new LinkedHashMap<>(nets.trainable());
        out.keySet().removeIf(name -> !name.startsWith("online.backbone/"));
        return out;
    }

    /** The manager of the network's arrays (parent of fine-tuning temporaries). */
    public NDManager manager() {
        return nets.manager();
    }

    public int featureChannels() {
        return nets.backbone().featureChannels();
    }

    @Override
    public void close() {
        nets.close();
    }
}
