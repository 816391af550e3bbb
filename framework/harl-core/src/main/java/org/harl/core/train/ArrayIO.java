package org.harl.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Float arrays in checkpoints: shape, then raw little-endian floats. Loading uses {@link NDArray#set}, which on the
 * PyTorch engine points the array's storage at the given direct buffer; the array object holds that buffer, so
 * it lives as long as the parameter or optimizer state it fills.
 */
public final class ArrayIO {

    private ArrayIO() {
    }

    public static void write(DataOutputStream out, NDArray array) throws IOException {
        if (array.getDataType() != DataType.FLOAT32) {
            throw new IOException("only float32 arrays are checkpointed, got " + array.getDataType());
        }
        long[] shape = array.getShape().getShape();
        out.writeInt(shape.length);
        for (long d : shape) {
            out.writeLong(d);
        }
        ByteBuffer b = array.toByteBuffer().order(ByteOrder.nativeOrder());
        byte[] bytes = new byte[b.remaining()];
        b.get(bytes);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    /** Reads one array into {@code target} in place; its shape must match. */
    public static void readInto(DataInputStream in, NDArray target, String what) throws IOException {
        Shape shape = readShape(in);
        if (!shape.equals(target.getShape())) {
            throw new IOException(what + ": checkpoint shape " + shape + " differs from the network's "
                    + target.getShape() + " (was the checkpoint written by another experiment?)");
        }
        target.set(readData(in));
    }

    /** Reads one array as a new array of the stored shape holding the stored values. */
    public static NDArray read(DataInputStream in, NDManager manager) throws IOException {
        Shape shape = readShape(in);
        NDArray out = manager.zeros(shape, DataType.FLOAT32);
        out.set(readData(in));
        return out;
    }

    private static Shape readShape(DataInputStream in) throws IOException {
        int dims = in.readInt();
        if (dims < 0 || dims > 8) {
            throw new IOException("corrupt checkpoint: array with " + dims + " dimensions");
        }
        long[] shape = new long[dims];
        for (int i = 0; i < dims; i++) {
            shape[i] = in.readLong();
        }
        return new Shape(shape);
    }

    private static ByteBuffer readData(DataInputStream in) throws IOException {
        int n = in.readInt();
        byte[] bytes = new byte[n];
        in.readFully(bytes);
        ByteBuffer b = ByteBuffer.allocateDirect(n).order(ByteOrder.nativeOrder());
        b.put(bytes).flip();
        return b;
    }
}
