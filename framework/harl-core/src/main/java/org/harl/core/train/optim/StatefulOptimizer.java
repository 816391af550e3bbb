package org.harl.core.train.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.training.optimizer.Optimizer;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.harl.core.train.ArrayIO;

/**
 * A DJL optimizer whose learning rate the trainer sets every step and whose state (momentum buffers, Adam moments,
 * step count) can be checkpointed, keyed by stable parameter names. DJL's own optimizers keep their state private,
 * so a resumed run could not continue them exactly.
 *
 * <p>Parameters listed as {@code excluded} (biases and batch-norm parameters) get no weight decay and, for LARS, no
 * trust ratio. {@link #update} runs its temporaries in an {@link NDScope} (state is created before the scope opens,
 * see DJL.md section 3) and zeroes the gradient afterwards, because DJL's collector does not.
 */
public abstract class StatefulOptimizer extends Optimizer {

    protected final float weightDecay;
    private final Set<String> excluded;
    private final Map<String, NDArray[]> state = new LinkedHashMap<>();
    private float learningRate;
    private long steps;

    protected StatefulOptimizer(float weightDecay, Set<String> excluded) {
        super(new OptimizerBuilder<>() {
            @Override
            protected OptimizerBuilder self() {
                return this;
            }
        });
        this.weightDecay = weightDecay;
        this.excluded = Set.copyOf(excluded);
    }

    /** Registered name written into checkpoints. */
    public abstract String name();

    /** State arrays per parameter (zeros, same shape as the weight). */
    protected abstract int stateSize();

    /** Applies one update in place; {@code state} holds {@link #stateSize()} arrays. */
    protected abstract void apply(NDArray weight, NDArray grad, NDArray[] state, boolean excludedParameter,
                                  float lr, long step);

    public void setLearningRate(float lr) {
        this.learningRate = lr;
    }

    public float learningRate() {
        return learningRate;
    }

    /** Marks the end of one optimizer step (all parameters updated); Adam's bias correction counts these. */
    public void endStep() {
        steps++;
    }

    public long steps() {
        return steps;
    }

    @Override
    public void update(String parameterId, NDArray weight, NDArray grad) {
        NDArray[] s = state.computeIfAbsent(parameterId, id -> {
            NDArray[] fresh = new NDArray[stateSize()];
            for (int i = 0; i < fresh.length; i++) {
                fresh[i] = weight.zerosLike();
            }
            return fresh;
        });
        try (NDScope scope = new NDScope()) {
            apply(weight, grad, s, excluded.contains(parameterId), learningRate, steps + 1);
            // g - g, not g * 0: one kernel, where a Number operand costs DJL a direct buffer, a tensor and a cast
            grad.subi(grad);
        }
    }

    /** Writes the step count and every state array (parameter name, arrays). */
    public void save(DataOutputStream out) throws IOException {
        out.writeUTF(name());
        out.writeLong(steps);
        out.writeInt(state.size());
        for (Map.Entry<String, NDArray[]> e : state.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeInt(e.getValue().length);
            for (NDArray a : e.getValue()) {
                ArrayIO.write(out, a);
            }
        }
    }

    /** Restores what {@link #save} wrote; arrays go to {@code manager} (the model manager). */
    public void load(NDManager manager, DataInputStream in) throws IOException {
        String saved = in.readUTF();
        if (!saved.equals(name())) {
            throw new IOException("checkpoint holds " + saved + " optimizer state, the experiment uses " + name());
        }
        steps = in.readLong();
        state.values().forEach(arrays -> {
            for (NDArray a : arrays) {
                a.close();
            }
        });
        state.clear();
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            String key = in.readUTF();
            NDArray[] arrays = new NDArray[in.readInt()];
            for (int j = 0; j < arrays.length; j++) {
                arrays[j] = ArrayIO.read(in, manager);
            }
            state.put(key, arrays);
        }
    }
}
