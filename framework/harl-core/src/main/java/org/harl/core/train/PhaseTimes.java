package org.harl.core.train;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Where a run's wall time goes: waiting for the next batch (the loader's decoding, augmentation and masks when they
 * fall behind), the training steps, the kNN monitor and checkpoints. The summary carries them as
 * {@code time_<phase>_s} beside {@code wall_s}, so a slow run shows which part to look at; like
 * {@code wall_s_attempt} they cover this attempt of the run (a resumed run starts them again).
 */
final class PhaseTimes {

    enum Phase {
        /** blocked on the data iterator (hasNext and next) */
        DATA_WAIT,
        /** forward, backward, optimizer and EMA updates, metrics logging */
        STEP,
        /** kNN monitor passes */
        MONITOR,
        /** writing checkpoints */
        CHECKPOINT;

        String key() {
            return "time_" + name().toLowerCase() + "_s";
        }
    }

    private final EnumMap<Phase, Long> nanos = new EnumMap<>(Phase.class);

    <T> T time(Phase phase, Supplier<T> work) {
        long t0 = System.nanoTime();
        try {
            return work.get();
        } finally {
            nanos.merge(phase, System.nanoTime() - t0, Long::sum);
        }
    }

    void run(Phase phase, Runnable work) {
        time(phase, () -> {
            work.run();
            return null;
        });
    }

    double seconds(Phase phase) {
        return nanos.getOrDefault(phase, 0L) / 1e9;
    }

    /** Every phase's seconds under its summary key, in declaration order (zero for a phase that never ran). */
    Map<String, Object> summary() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Phase p : Phase.values()) {
            out.put(p.key(), seconds(p));
        }
        return out;
    }
}
