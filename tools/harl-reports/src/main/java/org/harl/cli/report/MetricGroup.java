package org.harl.cli.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** How report charts group metrics, by the words in their names ({@code loss_saliency}, {@code sched/tau}). */
public enum MetricGroup {
    LOSS("Loss terms", "loss"),
    SCHEDULE("Schedules (lr, τ, α, β)", "value"),
    ACCURACY("kNN / linear accuracy", "accuracy"),
    OTHER("Other metrics", "value");

    private static final Set<String> SCHEDULE_WORDS = Set.of("lr", "tau", "alpha", "beta", "momentum", "ema",
            "wd", "temperature");
    private static final Set<String> ACCURACY_WORDS = Set.of("knn", "linear", "acc", "accuracy", "top1", "top5");

    private final String title;
    private final String axis;

    MetricGroup(String title, String axis) {
        this.title = title;
        this.axis = axis;
    }

    public String title() {
        return title;
    }

    public String axis() {
        return axis;
    }

    /** The chart file name stem ({@code loss}, {@code schedule}...). */
    public String fileStem() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static MetricGroup of(String key) {
        List<String> words = Arrays.asList(key.toLowerCase(Locale.ROOT).split("[/._\\-]+"));
        if (words.stream().anyMatch(w -> w.equals("loss") || w.startsWith("loss"))) {
            return LOSS;
        }
        if (words.stream().anyMatch(ACCURACY_WORDS::contains)) {
            return ACCURACY;
        }
        if (words.stream().anyMatch(SCHEDULE_WORDS::contains)) {
            return SCHEDULE;
        }
        return OTHER;
    }

    /** The keys of {@code keys} in this group, in order. */
    public List<String> select(List<String> keys) {
        List<String> out = new ArrayList<>();
        for (String k : keys) {
            if (of(k) == this) {
                out.add(k);
            }
        }
        return out;
    }
}
