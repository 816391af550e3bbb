package org.harl.core.eval.downstream;

/**
 * Pixel counts of (true class, predicted class) for semantic segmentation, and the metrics read from them: per-class
 * intersection over union {@code TP / (TP + FP + FN)} and its mean over the classes that occur (in the truth or the
 * predictions; a class absent from both has no IoU and is left out of the mean).
 */
public final class ConfusionMatrix {

    private final int classes;
    private final long[] counts;

    public ConfusionMatrix(int classes) {
        if (classes < 1) {
            throw new IllegalArgumentException("classes must be >= 1, got " + classes);
        }
        this.classes = classes;
        this.counts = new long[classes * classes];
    }

    public int classes() {
        return classes;
    }

    public void add(int truth, int predicted) {
        add(truth, predicted, 1);
    }

    public void add(int truth, int predicted, long n) {
        if (truth < 0 || truth >= classes || predicted < 0 || predicted >= classes) {
            throw new IllegalArgumentException("class out of range [0, " + classes + "): truth " + truth
                    + ", predicted " + predicted);
        }
        counts[truth * classes + predicted] += n;
    }

    public long count(int truth, int predicted) {
        return counts[truth * classes + predicted];
    }

    /** IoU of class {@code c}, NaN when it occurs neither in the truth nor in the predictions. */
    public double iou(int c) {
        long tp = count(c, c);
        long truthTotal = 0;
        long predictedTotal = 0;
        for (int o = 0; o < classes; o++) {
            truthTotal += count(c, o);
            predictedTotal += count(o, c);
        }
        long union = truthTotal + predictedTotal - tp;
        return union == 0 ? Double.NaN : (double) tp / union;
    }

    /** Mean IoU over the classes that occur. */
    public double meanIou() {
        double sum = 0;
        int n = 0;
        for (int c = 0; c < classes; c++) {
            double v = iou(c);
            if (!Double.isNaN(v)) {
                sum += v;
                n++;
            }
        }
        if (n == 0) {
            throw new IllegalStateException("no pixels counted");
        }
        return sum / n;
    }

    /** Fraction of pixels whose class is predicted correctly. */
    public double pixelAccuracy() {
        long right = 0;
        long all = 0;
        for (int t = 0; t < classes; t++) {
            for (int p = 0; p < classes; p++) {
                all += count(t, p);
                right += t == p ? count(t, p) : 0;
            }
        }
        return all == 0 ? Double.NaN : (double) right / all;
    }
}
