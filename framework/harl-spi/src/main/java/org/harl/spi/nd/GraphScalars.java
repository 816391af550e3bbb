package org.harl.spi.nd;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Arithmetic with a constant on arrays that carry gradient. Use these instead of {@code x.mul(2f)},
 * {@code x.div(n)}, {@code x.add(c)} wherever {@code x} descends from a network output inside a
 * {@code GradientCollector} (losses, pooling, heads, custom blocks).
 *
 * <p>Why: DJL's PyTorch engine implements {@code NDArray.mul(Number)} and its siblings by wrapping the number in a
 * tensor over a fresh Java direct buffer (zero-copy {@code from_blob}) and closing that tensor right after the op.
 * Autograd, however, keeps the scalar for backward (the gradient of {@code x * c} is {@code c}). Once the garbage
 * collector frees the buffer, backward reads freed memory: sporadic NaN or silently wrong gradients, more often the
 * more the JVM collects between forward and backward. The scalars made here live in libtorch-owned memory, which
 * autograd's own reference keeps alive.
 *
 * <p>Arrays without gradient (masks, optimizer updates, EMA) may use the {@code Number} overloads freely.
 */
public final class GraphScalars {

    private GraphScalars() {
    }

    /** {@code x * c}. */
    public static NDArray mul(NDArray x, double c) {
        try (NDArray s = scalar(x, c)) {
            return x.mul(s);
        }
    }

    /** {@code x / c}. */
    public static NDArray div(NDArray x, double c) {
        try (NDArray s = scalar(x, c)) {
            return x.div(s);
        }
    }

    /** {@code x + c}. */
    public static NDArray add(NDArray x, double c) {
        try (NDArray s = scalar(x, c)) {
            return x.add(s);
        }
    }

    /** {@code a * x + b}, e.g. the BYOL regression {@code 2 - 2 cos}. */
    public static NDArray affine(NDArray x, double a, double b) {
        try (NDArray ax = mul(x, a)) {
            return add(ax, b);
        }
    }

    /** A 0-d array of {@code x}'s type and manager, allocated by the engine (not over a Java buffer). */
    private static NDArray scalar(NDArray x, double c) {
        return x.getManager().full(new Shape(), (float) c, x.getDataType());
    }
}
