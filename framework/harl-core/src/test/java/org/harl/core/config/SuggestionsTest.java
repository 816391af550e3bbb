package org.harl.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

    private static final List<String> KEYS = List.of("epochs", "batch_size", "steps_per_epoch", "tau_base",
            "tau_final", "workers");

    @Test
    void suggestsTheClosestKeyForTyposTranspositionsAndMissingLetters() {
        assertEquals(Optional.of("batch_size"), Suggestions.closest("bacth_size", KEYS));
        assertEquals(Optional.of("epochs"), Suggestions.closest("epoch", KEYS));
        assertEquals(Optional.of("tau_final"), Suggestions.closest("tau_fnal", KEYS));
        assertEquals(Optional.of("workers"), Suggestions.closest("worker", KEYS));
        assertEquals(Optional.of("tau"), Suggestions.closest("tua", List.of("tau", "weight", "terms")));
    }

    @Test
    void suggestsNothingForUnrelatedWords() {
        assertEquals(Optional.empty(), Suggestions.closest("learning_rate", KEYS));
        assertEquals("", Suggestions.didYouMean("zzz", KEYS));
    }

    @Test
    void distancesHaveTheTextbookValues() {
        assertEquals(3, Suggestions.editDistance("kitten", "sitting"));
        assertEquals(1, Suggestions.editDistance("tua", "tau"));
        assertEquals(0.961, Suggestions.jaroWinkler("MARTHA", "MARHTA"), 1e-3);
        assertEquals(0.813, Suggestions.jaroWinkler("DIXON", "DICKSONX"), 1e-3);
    }
}
