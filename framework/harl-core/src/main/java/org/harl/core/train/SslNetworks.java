package org.harl.core.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.harl.core.config.HeadsConfig;
import org.harl.spi.backbone.Backbone;

/**
 * The online network (backbone + projector), the predictor and the EMA target (backbone + projector), all in one
 * model manager. Parameters are named {@code online.backbone/<djl name>} etc. so optimizer state and checkpoints
 * have stable keys. The target is frozen; it follows the online network by EMA of the trainable parameters and by
 * copies of the batch-norm running statistics.
 */
public final class SslNetworks implements AutoCloseable {

    /** Serialises seeding and drawing the initial weights (see the constructor). */
    private static final Object INIT_LOCK = new Object();

    private final NDManager manager;
    private final Backbone backbone;
    private final Block onlineBackbone;
    private final Block onlineProjector;
    private final Block predictor;
    private final Block targetBackbone;
    private final Block targetProjector;
    private final ParameterStore store;
    private final HeadsConfig heads;
    private final int side;
    private final long seed;

    /** On DJL's default device (the first GPU if any, else the CPU). */
    public SslNetworks(Backbone backbone, HeadsConfig heads, int side, long seed) {
        this(backbone, heads, side, seed, NDManager.newBaseManager());
    }

    /**
     * Builds and initialises every block on {@code device}; with the same seed the initial weights are identical.
     *
     * @param side view side the blocks are initialised for
     */
    public SslNetworks(Backbone backbone, HeadsConfig heads, int side, long seed, Device device) {
        this(backbone, heads, side, seed, NDManager.newBaseManager(device));
    }

    private SslNetworks(Backbone backbone, HeadsConfig heads, int side, long seed, NDManager manager) {
        this.backbone = backbone;
        this.heads = heads;
        this.side = side;
        this.seed = seed;
        this.manager = manager;
        this.store = new ParameterStore(manager, false);
        onlineBackbone = backbone.newBlock();
        onlineProjector = Heads.mlp(heads.projectorHidden(), heads.projectionSize());
        predictor = Heads.mlp(heads.predictorHidden(), heads.projectionSize());
        targetBackbone = backbone.newBlock();
        targetProjector = Heads.mlp(heads.projectorHidden(), heads.projectionSize());
        Shape image = new Shape(2, 3, side, side);
        Shape pooled = new Shape(2, backbone.featureChannels());
        Shape embedding = new Shape(2, heads.projectionSize());
        // The engine's generator is process-wide: without the lock, runs of a parallel sweep (threads of one JVM)
        // drew from it in turn, so a run's initial weights depended on its neighbours and BYOL and HARL runs of one
        // seed no longer started from the same weights. The loss plays no part here, so every loss shares them.
        synchronized (INIT_LOCK) {
            Engine.getInstance().setRandomSeed((int) (seed ^ (seed >>> 32)));
            onlineBackbone.initialize(manager, DataType.FLOAT32, image);
            onlineProjector.initialize(manager, DataType.FLOAT32, pooled);
            predictor.initialize(manager, DataType.FLOAT32, embedding);
            targetBackbone.initialize(manager, DataType.FLOAT32, image);
            targetProjector.initialize(manager, DataType.FLOAT32, pooled);
        }
        targetBackbone.freezeParameters(true);
        targetProjector.freezeParameters(true);
        copy(onlineBackbone, targetBackbone);
        copy(onlineProjector, targetProjector);
    }

    /** The same networks on {@code device}, owned by (closed with) these; values are synchronised by the caller. */
    SslNetworks replica(Device device) {
        return new SslNetworks(backbone, heads, side, seed, manager.newSubManager(device));
    }

    public NDManager manager() {
        return manager;
    }

    public Backbone backbone() {
        return backbone;
    }

    /** C5 of the online (or target) backbone; {@code training} selects batch statistics in BN. */
    public NDArray c5(NDArray images, boolean target, boolean training) {
        Block b = target ? targetBackbone : onlineBackbone;
        return b.forward(store, new NDList(images), training).singletonOrThrow();
    }

    public NDArray project(NDArray pooled, boolean target) {
        return (target ? targetProjector : onlineProjector).forward(store, new NDList(pooled), true).singletonOrThrow();
    }

    public NDArray predict(NDArray projection) {
        return predictor.forward(store, new NDList(projection), true).singletonOrThrow();
    }

    /** The online parameters the optimizer updates, by stable name, in a fixed order. */
    public Map<String, Parameter> trainable() {
        Map<String, Parameter> out = new LinkedHashMap<>();
        named("online.backbone", onlineBackbone, out);
        named("online.projector", onlineProjector, out);
        named("predictor", predictor, out);
        out.values().removeIf(p -> !p.requiresGradient());
        return out;
    }

    /** Names of trainable parameters that are vectors (biases, BN gamma and beta): no weight decay, no LARS ratio. */
    public java.util.Set<String> biasAndNormNames() {
        java.util.Set<String> out = new java.util.HashSet<>();
        trainable().forEach((name, p) -> {
            if (p.getArray().getShape().dimension() <= 1) {
                out.add(name);
            }
        });
        return out;
    }

    /** target = tau * target + (1 - tau) * online for trainable parameters; BN running statistics are copied. */
    public void updateTarget(double tau) {
        ema(onlineBackbone, targetBackbone, (float) tau);
        ema(onlineProjector, targetProjector, (float) tau);
    }

    /** Number of live arrays in the model manager (leak checks). */
    public int liveArrays() {
        return manager.getManagedArrays().size();
    }

    /** Every parameter of the five blocks (BN running statistics included), by name. */
    public void save(DataOutputStream out) throws IOException {
        Map<String, Parameter> all = all();
        out.writeInt(all.size());
        for (Map.Entry<String, Parameter> e : all.entrySet()) {
            out.writeUTF(e.getKey());
            ArrayIO.write(out, e.getValue().getArray());
        }
    }

    /** Copies saved values into this network's arrays in place (names and shapes must match). */
    public void load(DataInputStream in) throws IOException {
        Map<String, Parameter> all = all();
        int n = in.readInt();
        if (n != all.size()) {
            throw new IOException("checkpoint holds " + n + " parameters, the experiment's networks have "
                    + all.size() + " (was it written by another experiment?)");
        }
        for (int i = 0; i < n; i++) {
            String name = in.readUTF();
            Parameter p = all.get(name);
            if (p == null) {
                throw new IOException("checkpoint parameter " + name + " does not exist in the experiment's networks");
            }
            ArrayIO.readInto(in, p.getArray(), name);
        }
    }

    /** The online backbone (frozen use: evaluation features). */
    Block onlineBackbone() {
        return onlineBackbone;
    }

    ParameterStore store() {
        return store;
    }

    Map<String, Parameter> all() {
        Map<String, Parameter> out = new LinkedHashMap<>();
        named("online.backbone", onlineBackbone, out);
        named("online.projector", onlineProjector, out);
        named("predictor", predictor, out);
        named("target.backbone", targetBackbone, out);
        named("target.projector", targetProjector, out);
        return out;
    }

    private static void named(String prefix, Block block, Map<String, Parameter> out) {
        for (Pair<String, Parameter> p : block.getParameters()) {
            out.put(prefix + "/" + p.getKey(), p.getValue());
        }
    }

    private static List<Parameter> parameters(Block block) {
        List<Parameter> out = new ArrayList<>();
        block.getParameters().forEach(p -> out.add(p.getValue()));
        return out;
    }

    private static void copy(Block from, Block to) {
        List<Parameter> src = parameters(from);
        List<Parameter> dst = parameters(to);
        for (int i = 0; i < src.size(); i++) {
            NDArray t = dst.get(i).getArray();
            t.muli(0).addi(src.get(i).getArray());
        }
    }

    private void ema(Block online, Block target, float tau) {
        List<Parameter> src = parameters(online);
        List<Parameter> dst = parameters(target);
        // one scalar array for all parameters: a Number operand would cost DJL a direct buffer and a tensor each
        try (NDArray rate = manager.create(1 - tau)) {
            for (int i = 0; i < src.size(); i++) {
                Parameter p = src.get(i);
                NDArray t = dst.get(i).getArray();
                if (p.requiresGradient()) {
                    try (NDArray d = p.getArray().sub(t)) {
                        t.addi(d.muli(rate));
                    }
                } else {
                    t.subi(t).addi(p.getArray()); // batch-norm running statistics (finite: t - t = 0)
                }
            }
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
