package org.harl.plugins.trackers.wandb;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.harl.plugins.trackers.ExtendedJson;

/**
 * Where a resumed session continues an earlier journal: history resumes at the first line whose step is
 * {@code >= startStep} (those lines get overwritten, so each step appears once), output after its last line,
 * runtime from the last kept history line.
 *
 * @param kept the earlier entries that stay valid (history below {@code startStep}, no session exits)
 * @param lastStep the last kept step, -1 when none
 */
record ResumePoint(List<JournalEntry> kept, long historyOffset, long outputOffset, long lastStep,
                   double runtimeBefore) {

    static final ResumePoint FRESH = new ResumePoint(List.of(), 0, 0, -1, 0);

    static ResumePoint of(List<JournalEntry> earlier, long startStep) {
        Map<Long, JournalEntry.History> history = new TreeMap<>();
        long outputOffset = 0;
        for (JournalEntry e : earlier) {
            if (e instanceof JournalEntry.History h) {
                history.put(h.offset(), h);
            } else if (e instanceof JournalEntry.Output o) {
                outputOffset = Math.max(outputOffset, o.offset() + 1);
            }
        }
        long historyOffset = 0;
        long lastStep = -1;
        double runtime = 0;
        for (JournalEntry.History h : history.values()) {
            if (h.step() >= startStep) {
                break;
            }
            historyOffset = h.offset() + 1;
            lastStep = h.step();
            if (ExtendedJson.readMap(h.line()).get("_runtime") instanceof Number r) {
                runtime = r.doubleValue();
            }
        }
        List<JournalEntry> kept = JournalEntry.withoutEarlierExits(earlier, true).stream()
                .filter(e -> !(e instanceof JournalEntry.History h) || h.step() < startStep).toList();
        return new ResumePoint(kept, historyOffset, outputOffset, lastStep, runtime);
    }
}
