package org.harl.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Reusable off-heap buffers for copying host arrays into tensors.
 *
 * <p>Why: DJL's {@code NDManager.create(float[], Shape)} allocates a fresh direct {@link ByteBuffer} per call, the
 * tensor aliases it, and only a garbage collection frees it. Training creates about 1 MB of inputs a step, so
 * off-heap memory piled up between collections and process RSS swung by 100 MB and more (see DJL.md §3,
 * {@code harl bench memory}). Here each slot owns one buffer, grown when needed and refilled by the next call.
 *
 * <p>Contract: an array returned for a slot aliases that slot's buffer, so it must no longer be used (closing it is
 * best) before the same slot is staged again, i.e. within one training step or one evaluation batch. Not
 * thread-safe: one instance per thread that stages.
 */
final class StagingBuffers {

    private final ByteBuffer[] slots;

    StagingBuffers(int slotCount) {
        this.slots = new ByteBuffer[slotCount];
    }

    /** A float32 tensor of {@code shape} holding {@code data}, attached to {@code manager}, aliasing slot {@code slot}. */
    NDArray stage(NDManager manager, int slot, float[] data, Shape shape) {
        if (shape.size() != data.length) {
            throw new IllegalArgumentException("shape " + shape + " holds " + shape.size() + " values, got "
                    + data.length);
        }
        int bytes = Math.multiplyExact(data.length, Float.BYTES);
        ByteBuffer buf = slots[slot];
        if (buf == null || buf.capacity() < bytes) {
            buf = ByteBuffer.allocateDirect(bytes).order(ByteOrder.nativeOrder());
            slots[slot] = buf;
        }
        buf.clear();
        buf.asFloatBuffer().put(data);
        buf.limit(bytes);
        // slice: a view of exactly `bytes` bytes, so DJL's size check sees the array's size, not the capacity
        ByteBuffer view = buf.slice().order(ByteOrder.nativeOrder());
        return manager.create(view, shape, DataType.FLOAT32);
    }
}
