package org.harl.core.train;

/** The per-optimizer-step schedules of a run: learning rate (linear warmup, then cosine) and EMA momentum tau. */
public record Schedules(double peakLr, long warmupSteps, long totalSteps, double finalLrFraction,
                        double tauBase, double tauFinal) {

    public Schedules {
        if (totalSteps < 1) {
            throw new IllegalArgumentException("a run needs at least one optimizer step, got " + totalSteps);
        }
        warmupSteps = Math.min(warmupSteps, totalSteps);
    }

    /** Learning rate of optimizer step {@code k} (0-based): (k+1)/W of the peak during warmup, then a cosine. */
    public double lr(long k) {
        if (k < warmupSteps) {
            return peakLr * (k + 1) / warmupSteps;
        }
        double end = peakLr * finalLrFraction;
        long span = totalSteps - warmupSteps;
        double t = span <= 1 ? 1 : (double) (k - warmupSteps) / (span - 1);
        return end + (peakLr - end) * (1 + Math.cos(Math.PI * Math.min(1, t))) / 2;
    }

    /** EMA momentum after optimizer step {@code k}: tau_final - (tau_final - tau_base)(cos(pi k / K) + 1) / 2. */
    public double tau(long k) {
        double t = Math.min(1, (double) k / totalSteps);
        return tauFinal - (tauFinal - tauBase) * (Math.cos(Math.PI * t) + 1) / 2;
    }
}
