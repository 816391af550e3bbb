package org.harl.core.eval.downstream;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * AP at IoU 0.5 for images with one ground-truth object and one prediction each. For every class c: the predictions
 * of class c, ranked by confidence (ties in image order), each a true positive when the image's object is of class
 * c and the boxes overlap with IoU >= 0.5, else a false positive; the positives are the test objects of class c.
 * AP is the area under the precision-recall curve with precision made monotone (at each recall, the best precision
 * at that recall or higher: the all-point interpolation of PASCAL VOC 2010+). The mean runs over the classes with at
 * least one test object.
 */
public final class AveragePrecision {

    /** The IoU a true positive needs. */
    public static final double IOU_THRESHOLD = 0.5;

    /** One image's prediction and truth. */
    public record Detection(int truthClass, Box truthBox, int predictedClass, Box predictedBox, double confidence) {
        boolean hit() {
            return predictedClass == truthClass && predictedBox.iou(truthBox) >= IOU_THRESHOLD;
        }
    }

    private AveragePrecision() {
    }

    /**
     * AP of one ranked list.
     *
     * @param hits      true positive or not, best-ranked first
     * @param positives the number of ground-truth objects of the class (recall's denominator)
     */
    public static double ap(boolean[] hits, int positives) {
        if (positives < 1) {
            throw new IllegalArgumentException("AP needs at least one positive, got " + positives);
        }
        int n = hits.length;
        double[] precision = new double[n];
        double[] recall = new double[n];
        int tp = 0;
        for (int i = 0; i < n; i++) {
            tp += hits[i] ? 1 : 0;
            precision[i] = (double) tp / (i + 1);
            recall[i] = (double) tp / positives;
        }
        for (int i = n - 2; i >= 0; i--) {
            precision[i] = Math.max(precision[i], precision[i + 1]);
        }
        double ap = 0;
        double previousRecall = 0;
        for (int i = 0; i < n; i++) {
            ap += (recall[i] - previousRecall) * precision[i];
            previousRecall = recall[i];
        }
        return ap;
    }

    /** AP50 of each class ({@code NaN} for a class without test objects). */
    public static double[] perClass(List<Detection> detections, int classes) {
        double[] out = new double[classes];
        for (int c = 0; c < classes; c++) {
            int cls = c;
            int positives = (int) detections.stream().filter(d -> d.truthClass() == cls).count();
            if (positives == 0) {
                out[c] = Double.NaN;
                continue;
            }
            List<Detection> ranked = new ArrayList<>(detections.stream().filter(d -> d.predictedClass() == cls)
                    .toList());
            ranked.sort(Comparator.comparingDouble(Detection::confidence).reversed()); // stable: ties keep order
            boolean[] hits = new boolean[ranked.size()];
            for (int i = 0; i < hits.length; i++) {
                hits[i] = ranked.get(i).hit();
            }
            out[c] = ap(hits, positives);
        }
        return out;
    }

    /** Mean AP50 over the classes with test objects. */
    public static double mean(List<Detection> detections, int classes) {
        double sum = 0;
        int n = 0;
        for (double v : perClass(detections, classes)) {
            if (!Double.isNaN(v)) {
                sum += v;
                n++;
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException("no test objects");
        }
        return sum / n;
    }
}
