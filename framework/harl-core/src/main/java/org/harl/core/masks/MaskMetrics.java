package org.harl.core.masks;

import org.harl.spi.data.Mask;

/**
 * Saliency / mask quality against exact masks (Perazzi 2012; Achanta 2009), accumulated over a dataset:
 * <ul>
 *   <li>IoU of the prediction binarised at 0.5 (mean over images);</li>
 *   <li>max F-β: per-image precision and recall at 256 thresholds t/255 (S ≥ t), averaged over images, F-β of the
 *       averaged curve, maximum over t;</li>
 *   <li>adaptive F-β: per image at T = min(2·mean(S), 1), averaged;</li>
 *   <li>MAE: mean |S − G| (mean over images).</li>
 * </ul>
 * β² = 0.3. Ground truth is binarised at 0.5. Not thread-safe; use one accumulator per thread and {@link #merge}.
 */
public final class MaskMetrics {

    public static final double BETA2 = 0.3;
    private static final int LEVELS = 256;

    /** Dataset figures. */
    public record Summary(long images, double iou, double maxF, double adaptiveF, double mae) {
    }

    private long images;
    private double iouSum;
    private double adaptiveFSum;
    private double maeSum;
    private final double[] precisionSum = new double[LEVELS];
    private final double[] recallSum = new double[LEVELS];

    /** IoU of two masks binarised at 0.5; 1 when both are empty. */
    public static double iou(Mask pred, Mask gt) {
        checkSize(pred, gt);
        long inter = 0;
        long union = 0;
        float[] p = pred.data();
        float[] g = gt.data();
        for (int i = 0; i < p.length; i++) {
            boolean a = p[i] >= 0.5f;
            boolean b = g[i] >= 0.5f;
            inter += a && b ? 1 : 0;
            union += a || b ? 1 : 0;
        }
        return union == 0 ? 1.0 : (double) inter / union;
    }

    /** Mean absolute error between a map in [0, 1] and the binarised ground truth. */
    public static double mae(Mask pred, Mask gt) {
        checkSize(pred, gt);
        double s = 0;
        float[] p = pred.data();
        float[] g = gt.data();
        for (int i = 0; i < p.length; i++) {
            s += Math.abs(clamp(p[i]) - (g[i] >= 0.5f ? 1 : 0));
        }
        return s / p.length;
    }

    /** F-β from precision and recall (0 when both are 0). */
    public static double fBeta(double precision, double recall) {
        double d = BETA2 * precision + recall;
        return d == 0 ? 0 : (1 + BETA2) * precision * recall / d;
    }

    /** Adds one image: {@code pred} is a map or mask in [0, 1], {@code gt} the exact mask. */
    public void add(Mask pred, Mask gt) {
        checkSize(pred, gt);
        float[] p = pred.data();
        float[] g = gt.data();
        long[] fgHist = new long[LEVELS];
        long[] bgHist = new long[LEVELS];
        long positives = 0;
        double mean = 0;
        for (int i = 0; i < p.length; i++) {
            int bin = Math.round(clamp(p[i]) * 255f);
            if (g[i] >= 0.5f) {
                fgHist[bin]++;
                positives++;
            } else {
                bgHist[bin]++;
            }
            mean += clamp(p[i]);
        }
        mean /= p.length;
        long tp = 0;
        long fp = 0;
        for (int t = LEVELS - 1; t >= 0; t--) { // predicted foreground: bin >= t
            tp += fgHist[t];
            fp += bgHist[t];
            precisionSum[t] += tp + fp == 0 ? 0 : (double) tp / (tp + fp);
            recallSum[t] += positives == 0 ? 0 : (double) tp / positives;
        }
        double threshold = Math.min(2 * mean, 1.0);
        long atp = 0;
        long afp = 0;
        for (int i = 0; i < p.length; i++) {
            if (clamp(p[i]) >= threshold) {
                if (g[i] >= 0.5f) {
                    atp++;
                } else {
                    afp++;
                }
            }
        }
        double ap = atp + afp == 0 ? 0 : (double) atp / (atp + afp);
        double ar = positives == 0 ? 0 : (double) atp / positives;
        adaptiveFSum += fBeta(ap, ar);
        iouSum += iou(pred, gt);
        maeSum += mae(pred, gt);
        images++;
    }

    /** Adds another accumulator's images to this one. */
    public void merge(MaskMetrics other) {
        images += other.images;
        iouSum += other.iouSum;
        adaptiveFSum += other.adaptiveFSum;
        maeSum += other.maeSum;
        for (int t = 0; t < LEVELS; t++) {
            precisionSum[t] += other.precisionSum[t];
            recallSum[t] += other.recallSum[t];
        }
    }

    public Summary summary() {
        if (images == 0) {
            return new Summary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double maxF = 0;
        for (int t = 0; t < LEVELS; t++) {
            maxF = Math.max(maxF, fBeta(precisionSum[t] / images, recallSum[t] / images));
        }
        return new Summary(images, iouSum / images, maxF, adaptiveFSum / images, maeSum / images);
    }

    private static float clamp(float v) {
        return Math.max(0f, Math.min(1f, v));
    }

    private static void checkSize(Mask a, Mask b) {
        if (a.width() != b.width() || a.height() != b.height()) {
            throw new IllegalArgumentException("prediction is " + a.width() + "x" + a.height()
                    + " but the ground truth is " + b.width() + "x" + b.height());
        }
    }
}
