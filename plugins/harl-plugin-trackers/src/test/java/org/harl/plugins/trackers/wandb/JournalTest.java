package org.harl.plugins.trackers.wandb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {
    @TempDir
    Path tmp;

    @Test
    void roundTripsEveryEntryAndSurvivesACutOffLastLine() throws Exception {
        Path file = Journal.path(tmp, "abc12345");
        List<JournalEntry> entries = List.of(
                new JournalEntry.Run(Map.of("name", "abc12345", "config", "{\"a\":{\"value\":1}}")),
                new JournalEntry.History(0, 0, "{\"loss\":NaN,\"_step\":0}"),
                new JournalEntry.Summary("{\"knn_top1\":0.5}"),
                new JournalEntry.Output(0, "2026-01-01T00:00:00.000000 started"),
                new JournalEntry.File("media/images/a.png", "wandb/files/media/images/a.png"),
                new JournalEntry.Exit(3));
        try (Journal j = Journal.open(file, s -> s.replace("secret", "***"))) {
            for (JournalEntry e : entries) {
                j.append(e);
            }
            j.append(new JournalEntry.Output(1, "the secret word"));
        }
        Files.writeString(file, "{\"t\":\"histo", StandardOpenOption.APPEND);
        List<JournalEntry> read = Journal.read(file);
        assertEquals(entries, read.subList(0, entries.size()));
        assertEquals(new JournalEntry.Output(1, "the *** word"), read.get(entries.size()));
        assertEquals(7, Journal.open(file, s -> s).size());
    }

    @Test
    void aBrokenLineInTheMiddleIsAnErrorNamingTheLine() throws Exception {
        Path file = Journal.path(tmp, "x");
        Files.writeString(file, "{\"t\":\"exit\",\"code\":0}\n{\"t\":\"nope\"}\n{\"t\":\"exit\",\"code\":0}\n");
        IOException e = assertThrows(IOException.class, () -> Journal.read(file));
        assertEquals(true, e.getMessage().contains("line 2"), e.getMessage());
    }

    @Test
    void onlyTheLastSessionsExitEndsTheRun() {
        List<JournalEntry> entries = List.of(new JournalEntry.History(0, 0, "{}"), new JournalEntry.Exit(1),
                new JournalEntry.History(1, 1, "{}"), new JournalEntry.Exit(0));
        assertEquals(List.of(entries.get(0), entries.get(2), entries.get(3)),
                JournalEntry.withoutEarlierExits(entries, false));
        assertFalse(JournalEntry.withoutEarlierExits(entries, true).stream()
                .anyMatch(e -> e instanceof JournalEntry.Exit));
    }
}
