package org.harl.plugins.deepmasks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import org.harl.spi.data.Resampler;
import org.harl.spi.data.RgbImage;

/**
 * Runs images of any size through a {@link FeatureEncoder}: each is resized (bilinear) to a square side (by default
 * the encoder's input side), batched, and its feature map (the encoder's {@link FeatureEncoder#stage()}) returned as plain
 * arrays. Calls into the encoder are serialised because encoder
 * blocks make no thread-safety promise; everything else runs in the calling thread.
 */
public final class EncoderGrid {

    /** One image's feature map, channel-major: {@code data[c * h * w + y * w + x]}. */
    public record Features(int channels, int width, int height, float[] data) {
    }

    private final FeatureEncoder encoder;
    private final int batchSize;
    private final int side;

    /** Images go in at the encoder's own input side. */
    public EncoderGrid(FeatureEncoder encoder, int batchSize) {
        this(encoder, batchSize, encoder.inputSide());
    }

    /** Images go in at {@code side} (a fully convolutional encoder takes any side; its grid scales with it). */
    public EncoderGrid(FeatureEncoder encoder, int batchSize, int side) {
        if (side < 1) {
            throw new IllegalArgumentException("input side must be positive, got " + side);
        }
        this.encoder = encoder;
        this.batchSize = batchSize;
        this.side = side;
    }

    public FeatureEncoder encoder() {
        return encoder;
    }

    /** The feature maps of the images, in order. */
    public List<Features> features(List<RgbImage> images) {
        int per = 3 * side * side;
        List<Features> out = new ArrayList<>(images.size());
        for (int from = 0; from < images.size(); from += batchSize) {
            List<RgbImage> chunk = images.subList(from, Math.min(images.size(), from + batchSize));
            float[] batch = new float[chunk.size() * per];
            for (int k = 0; k < chunk.size(); k++) {
                System.arraycopy(resize(chunk.get(k), side), 0, batch, k * per, per);
            }
            try (NDManager m = NDManager.newBaseManager()) {
                NDArray c5;
                float[] all;
                synchronized (encoder) {
                    c5 = encoder.map(m, batch, chunk.size(), side);
                    all = c5.toFloatArray();
                }
                long[] s = c5.getShape().getShape();
                if (s.length != 4 || s[0] != chunk.size()) {
                    throw new IllegalStateException("encoder returned a C5 map of shape " + c5.getShape() + " for "
                            + chunk.size() + " images; expected (n, C, h, w)");
                }
                int cells = (int) (s[1] * s[2] * s[3]);
                for (int k = 0; k < chunk.size(); k++) {
                    float[] one = new float[cells];
                    System.arraycopy(all, k * cells, one, 0, cells);
                    out.add(new Features((int) s[1], (int) s[3], (int) s[2], one));
                }
            }
        }
        return out;
    }

    /** Planar RGB of {@code image} resized (antialiased bilinear, as the data pipeline does) to the square side. */
    static float[] resize(RgbImage image, int side) {
        if (image.width() == side && image.height() == side) {
            return image.data();
        }
        return Resampler.resize(image.width(), image.height(), side, side).apply(image).data();
    }
}
