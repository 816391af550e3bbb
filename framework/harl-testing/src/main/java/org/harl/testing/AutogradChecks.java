package org.harl.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;

/**
 * Checks that code run under a {@code GradientCollector} survives a garbage collection between forward and
 * backward: the failure mode of {@code NDArray.mul(Number)} and its siblings on DJL's PyTorch engine (see
 * {@code org.harl.spi.nd.GraphScalars}). A scalar DJL created over a Java buffer and released is freed by the
 * collection, the freed memory is refilled with NaN, and backward then differs from a clean run.
 */
public final class AutogradChecks {

    /** Poison blocks of the sizes DJL allocates for scalars (4 and 8 bytes) and a few neighbours. */
    private static final int[] POISON_SIZES = {4, 8, 16, 24, 32};
    private static final int POISON_COUNT = 4096;

    private AutogradChecks() {
    }

    /**
     * Runs a collection, lets the JDK free unreachable direct buffers, and refills freed small blocks with NaN.
     * Returns the poison blocks: keep them reachable until backward has run.
     */
    public static List<ByteBuffer> collectAndPoison() {
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(20); // the reference handler frees direct buffers asynchronously
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the collector", e);
            }
        }
        List<ByteBuffer> poison = new ArrayList<>(POISON_SIZES.length * POISON_COUNT);
        for (int size : POISON_SIZES) {
            for (int i = 0; i < POISON_COUNT; i++) {
                ByteBuffer b = ByteBuffer.allocateDirect(size).order(ByteOrder.nativeOrder());
                while (b.remaining() >= Float.BYTES) {
                    b.putFloat(Float.NaN);
                }
                poison.add(b);
            }
        }
        return poison;
    }

    /**
     * Asserts that {@code graph} (an input of {@code shape} to a scalar or any array, summed for backward) yields the
     * same input gradient whether or not memory is collected and poisoned between forward and backward.
     */
    public static void assertGradientSurvivesCollection(Shape shape, UnaryOperator<NDArray> graph) {
        float[] clean = gradient(shape, graph, false);
        float[] collected = gradient(shape, graph, true);
        assertArrayEquals(clean, collected, 0f, "the input gradient changed when the JVM collected between forward "
                + "and backward: an op in the graph uses a Java-owned scalar (NDArray.mul(Number) and the like); "
                + "use org.harl.spi.nd.GraphScalars");
    }

    private static float[] gradient(Shape shape, UnaryOperator<NDArray> graph, boolean collect) {
        try (NDManager m = NDManager.newBaseManager()) {
            SplittableRandom r = new SplittableRandom(42);
            float[] values = new float[Math.toIntExact(shape.size())];
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) (r.nextDouble() * 2 - 1);
            }
            NDArray x = m.zeros(shape);
            x.addi(m.create(values, shape)); // engine-owned memory for the input itself
            x.setRequiresGradient(true);
            List<ByteBuffer> poison = List.of();
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray out = graph.apply(x).sum();
                if (collect) {
                    poison = collectAndPoison();
                }
                gc.backward(out);
            }
            float[] g = x.getGradient().toFloatArray();
            poison.forEach(b -> b.put(0, (byte) 0)); // reachable until here
            return g;
        }
    }
}
