package org.harl.spi.data;

/**
 * Resamples a rectangular region of planar float data to a new size with a separable triangle (bilinear) filter
 * that widens when shrinking, so downscaling averages areas instead of aliasing (like PIL's antialiased bilinear).
 * The weights depend only on the geometry, so an image and its mask resampled with one instance are aligned
 * exactly. Immutable and thread-safe.
 */
public final class Resampler {

    private final Axis xs;
    private final Axis ys;
    private final int srcW;
    private final int srcH;
    private final int outW;
    private final int outH;

    /**
     * @param x0    left edge of the region in source pixels (continuous coordinates, pixel i covers [i, i+1))
     * @param flipX mirror the output horizontally
     * @param flipY mirror the output vertically
     */
    public Resampler(int srcW, int srcH, double x0, double y0, double regionW, double regionH, int outW, int outH,
                     boolean flipX, boolean flipY) {
        if (regionW <= 0 || regionH <= 0 || outW <= 0 || outH <= 0) {
            throw new IllegalArgumentException("region and output sizes must be positive");
        }
        this.srcW = srcW;
        this.srcH = srcH;
        this.outW = outW;
        this.outH = outH;
        this.xs = new Axis(srcW, x0, regionW, outW, flipX);
        this.ys = new Axis(srcH, y0, regionH, outH, flipY);
    }

    /** Whole-image resize. */
    public static Resampler resize(int srcW, int srcH, int outW, int outH) {
        return new Resampler(srcW, srcH, 0, 0, srcW, srcH, outW, outH, false, false);
    }

    public RgbImage apply(RgbImage image) {
        check(image.width(), image.height());
        float[] out = new float[3 * outW * outH];
        int srcPlane = srcW * srcH;
        int outPlane = outW * outH;
        float[] tmp = new float[srcH * outW];
        for (int c = 0; c < 3; c++) {
            plane(image.data(), c * srcPlane, out, c * outPlane, tmp);
        }
        return new RgbImage(outW, outH, out);
    }

    public Mask apply(Mask mask) {
        check(mask.width(), mask.height());
        float[] out = new float[outW * outH];
        plane(mask.data(), 0, out, 0, new float[srcH * outW]);
        return new Mask(outW, outH, out);
    }

    private void check(int w, int h) {
        if (w != srcW || h != srcH) {
            throw new IllegalArgumentException("resampler built for " + srcW + "x" + srcH + ", got " + w + "x" + h);
        }
    }

    /**
     * Horizontal pass into tmp (srcH x outW) over the source rows the vertical taps read, then vertical pass into
     * out, row by row so the inner loop runs along contiguous memory.
     */
    private void plane(float[] src, int srcOff, float[] out, int outOff, float[] tmp) {
        for (int y = ys.firstRow; y <= ys.lastRow; y++) {
            int row = srcOff + y * srcW;
            int t = y * outW;
            for (int x = 0; x < outW; x++) {
                int start = row + xs.start[x];
                int base = x * xs.taps;
                float acc = 0;
                for (int k = 0, n = xs.count[x]; k < n; k++) {
                    acc += xs.weights[base + k] * src[start + k];
                }
                tmp[t + x] = acc;
            }
        }
        for (int y = 0; y < outH; y++) {
            int o = outOff + y * outW;
            int base = y * ys.taps;
            java.util.Arrays.fill(out, o, o + outW, 0f);
            for (int k = 0, n = ys.count[y]; k < n; k++) {
                float w = ys.weights[base + k];
                int t = (ys.start[y] + k) * outW;
                for (int x = 0; x < outW; x++) {
                    out[o + x] += w * tmp[t + x];
                }
            }
        }
    }

    /** Filter taps of one axis: output i reads source pixels start[i] .. start[i]+count[i]-1. */
    private static final class Axis {
        final int[] start;
        final int[] count;
        final float[] weights;
        final int taps;
        final int firstRow;
        final int lastRow;

        Axis(int srcSize, double origin, double region, int outSize, boolean flip) {
            double scale = region / outSize;
            double support = Math.max(1.0, scale); // triangle half-width in source pixels
            taps = (int) Math.ceil(support) * 2 + 1;
            start = new int[outSize];
            count = new int[outSize];
            weights = new float[outSize * taps];
            double[] w = new double[taps];
            int first = srcSize;
            int last = 0;
            for (int i = 0; i < outSize; i++) {
                int o = flip ? outSize - 1 - i : i;
                double centre = origin + (o + 0.5) * scale;
                int lo = Math.max(0, (int) Math.floor(centre - support - 0.5));
                int hi = Math.min(srcSize - 1, (int) Math.ceil(centre + support - 0.5));
                hi = Math.min(hi, lo + taps - 1);
                double total = 0;
                for (int j = lo; j <= hi; j++) {
                    w[j - lo] = Math.max(0, 1 - Math.abs(j + 0.5 - centre) / support);
                    total += w[j - lo];
                }
                if (total <= 0) { // region entirely outside the image: nearest edge pixel
                    int j = (int) Math.max(0, Math.min(srcSize - 1, Math.floor(centre)));
                    lo = j;
                    hi = j;
                    w[0] = 1;
                    total = 1;
                }
                for (int j = lo; j <= hi; j++) {
                    weights[i * taps + j - lo] = (float) (w[j - lo] / total);
                }
                start[i] = lo;
                count[i] = hi - lo + 1;
                first = Math.min(first, lo);
                last = Math.max(last, hi);
            }
            firstRow = first;
            lastRow = last;
        }
    }
}
