package org.harl.plugins.trackers.wandb;

import java.util.LinkedHashMap;
import java.util.Map;
import org.harl.plugins.trackers.ExtendedJson;

/** One thing that would be sent to W&B, as recorded in the run's journal. */
public sealed interface JournalEntry {

    /** UpsertBucket variables (run id in {@code name}; {@code entity} may be absent until resolved). */
    record Run(Map<String, Object> variables) implements JournalEntry {
    }

    /** A {@code wandb-history.jsonl} line at a line offset; {@code step} is its {@code _step}. */
    record History(long offset, long step, String line) implements JournalEntry {
    }

    /** Explicit summary values (a JSON object merged into the run summary). */
    record Summary(String line) implements JournalEntry {
    }

    /** An {@code output.log} line at a line offset. */
    record Output(long offset, String line) implements JournalEntry {
    }

    /** A run file: {@code name} under the run's files, {@code local} relative to the run directory or absolute. */
    record File(String name, String local) implements JournalEntry {
    }

    /** The run ended with this exit code. */
    record Exit(int code) implements JournalEntry {
    }

    /**
     * The entries of a journal that spans resumed sessions, without the exits of earlier sessions (a session's exit
     * is its last entry; only the very last one ends the W&B run). {@code ongoing}: more entries will follow, so
     * drop the final exit too.
     */
    static java.util.List<JournalEntry> withoutEarlierExits(java.util.List<JournalEntry> entries, boolean ongoing) {
        java.util.List<JournalEntry> out = new java.util.ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            if (!(entries.get(i) instanceof Exit) || (!ongoing && i == entries.size() - 1)) {
                out.add(entries.get(i));
            }
        }
        return out;
    }

    /** The journal line for this entry. */
    default String toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        if (this instanceof Run r) {
            m.put("t", "run");
            m.put("variables", r.variables());
        } else if (this instanceof History h) {
            m.put("t", "history");
            m.put("offset", h.offset());
            m.put("step", h.step());
            m.put("line", h.line());
        } else if (this instanceof Summary s) {
            m.put("t", "summary");
            m.put("line", s.line());
        } else if (this instanceof Output o) {
            m.put("t", "output");
            m.put("offset", o.offset());
            m.put("line", o.line());
        } else if (this instanceof File f) {
            m.put("t", "file");
            m.put("name", f.name());
            m.put("local", f.local());
        } else if (this instanceof Exit e) {
            m.put("t", "exit");
            m.put("code", e.code());
        }
        return ExtendedJson.write(m);
    }

    /** Parses a journal line. */
    @SuppressWarnings("unchecked")
    static JournalEntry fromJson(String json) {
        Map<String, Object> m = ExtendedJson.readMap(json);
        Object t = m.get("t");
        if (!(t instanceof String type)) {
            throw new IllegalArgumentException("journal entry without a type");
        }
        return switch (type) {
            case "run" -> new Run((Map<String, Object>) m.get("variables"));
            case "history" -> new History(num(m, "offset"), num(m, "step"), (String) m.get("line"));
            case "summary" -> new Summary((String) m.get("line"));
            case "output" -> new Output(num(m, "offset"), (String) m.get("line"));
            case "file" -> new File((String) m.get("name"), (String) m.get("local"));
            case "exit" -> new Exit((int) num(m, "code"));
            default -> throw new IllegalArgumentException("unknown journal entry type '" + type + "'");
        };
    }

    private static long num(Map<String, Object> m, String key) {
        if (m.get(key) instanceof Number n) {
            return n.longValue();
        }
        throw new IllegalArgumentException("journal entry without '" + key + "'");
    }
}
