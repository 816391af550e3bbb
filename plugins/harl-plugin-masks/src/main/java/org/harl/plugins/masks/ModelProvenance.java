package org.harl.plugins.masks;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Where a mask model came from, stored inside the model file so it cannot be separated from it: the data (datasets
 * with their settings, or folders), split, seed, image count, the kind of supervision, the command that made it,
 * the date and the harl version. Masks must be label-free, so {@link Supervision#PSEUDO_LABELS} is the only kind a
 * model used for experiments should carry; {@link Supervision#EXACT_MASKS} marks a supervised (oracle) model.
 */
public record ModelProvenance(String data, String split, long seed, long count, Supervision supervision,
        String command, String date, String harlVersion) {

    /** The kind of targets a model was fitted to. */
    public enum Supervision {
        /** unsupervised pseudo-labels (priors, self-training): label-free */
        PSEUDO_LABELS,
        /** exact masks of a dataset (fully or partly): supervised */
        EXACT_MASKS,
        /** a model file from before provenance was recorded */
        UNKNOWN;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Supervision parse(String value, String source) throws IOException {
            for (Supervision s : values()) {
                if (s.key().equals(value)) {
                    return s;
                }
            }
            throw new IOException(source + ": provenance key 'supervision' has unknown value '" + value
                    + "' (expected pseudo_labels, exact_masks or unknown)");
        }
    }

    private static final String[] KEYS = {"data", "split", "seed", "count", "supervision", "command", "date",
        "harl_version"};

    public ModelProvenance {
        data = clean(data);
        split = clean(split);
        command = clean(command);
        date = clean(date);
        harlVersion = clean(harlVersion);
        if (supervision == null) {
            throw new IllegalArgumentException("provenance needs a supervision kind");
        }
    }

    /** The provenance of a model file written before provenance was recorded. */
    public static ModelProvenance unknown() {
        return new ModelProvenance("unknown", "unknown", -1, -1, Supervision.UNKNOWN, "unknown", "unknown", "unknown");
    }

    public boolean supervised() {
        return supervision == Supervision.EXACT_MASKS;
    }

    /** A warning to log when this model is loaded, or null for a label-free model. */
    public String loadWarning(String model) {
        return switch (supervision) {
            case PSEUDO_LABELS -> null;
            case EXACT_MASKS -> model + " is supervised: trained on exact masks of " + data + " (split " + split
                    + "); its masks are an oracle, not label-free";
            case UNKNOWN -> model + " has no provenance record (written by an older harl): it may have been trained"
                    + " on exact masks; retrain it with 'harl masks train-drfi'";
        };
    }

    /** One line per key, in a fixed order, e.g. for {@code harl masks eval}. */
    public String describe() {
        StringBuilder b = new StringBuilder();
        toMap().forEach((k, v) -> b.append(k).append(": ").append(v).append('\n'));
        return b.toString();
    }

    /** The record as {@code key=value} lines (values are single-line), the form stored in model files. */
    String encode() {
        StringBuilder b = new StringBuilder();
        toMap().forEach((k, v) -> b.append(k).append('=').append(v).append('\n'));
        return b.toString();
    }

    /** Parses {@link #encode()}'s form; {@code source} names the file in errors. */
    static ModelProvenance decode(String text, String source) throws IOException {
        Map<String, String> m = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new IOException(source + ": bad provenance line '" + line + "' (expected key=value)");
            }
            m.put(line.substring(0, eq), line.substring(eq + 1));
        }
        for (String k : KEYS) {
            if (!m.containsKey(k)) {
                throw new IOException(source + ": provenance lacks key '" + k + "'");
            }
        }
        return new ModelProvenance(m.get("data"), m.get("split"), number(m, "seed", source),
                number(m, "count", source), Supervision.parse(m.get("supervision"), source), m.get("command"),
                m.get("date"), m.get("harl_version"));
    }

    private Map<String, String> toMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("data", data);
        m.put("split", split);
        m.put("seed", Long.toString(seed));
        m.put("count", Long.toString(count));
        m.put("supervision", supervision.key());
        m.put("command", command);
        m.put("date", date);
        m.put("harl_version", harlVersion);
        return m;
    }

    private static long number(Map<String, String> m, String key, String source) throws IOException {
        try {
            return Long.parseLong(m.get(key));
        } catch (NumberFormatException e) {
            throw new IOException(source + ": provenance key '" + key + "' is not a number: '" + m.get(key) + "'");
        }
    }

    private static String clean(String s) {
        return s == null || s.isBlank() ? "unknown" : s.replace('\n', ' ').replace('\r', ' ').strip();
    }
}
