package org.harl.plugins.masks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.harl.spi.data.Sample;
import org.harl.spi.mask.ImageMaskTrainer;
import org.harl.spi.mask.ImageMaskTrainer.SampleSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DrfiForestTrainerTest {

    static final Map<String, Number> SMALL = Map.of("trees", 3, "depth", 4, "mtry", 15, "max_regions", 15);
    static final ImageMaskTrainer.Origin ORIGIN = new ImageMaskTrainer.Origin("scenes", "train", "harl test", "0");

    /** Scenes without their exact masks: label-free training. */
    private static List<SampleSource> scenes(int n) {
        List<SampleSource> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Sample s = SyntheticScenes.scene(i, 40, 36);
            out.add(() -> new Sample(s.id(), s.image(), Optional.empty(), -1));
        }
        return out;
    }

    @Test
    void foundThroughServiceLoaderByProposerName() {
        assertTrue(ServiceLoader.load(ImageMaskTrainer.class).stream().map(ServiceLoader.Provider::get)
                .anyMatch(t -> t.proposer().equals("drfi") && t instanceof DrfiForestTrainer));
    }

    @Test
    void selfTrainsKeepsEarlierRoundsAndRecordsLabelFreeProvenance(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("models/forest.bin.gz");
        List<SampleSource> samples = new ArrayList<>(scenes(4));
        samples.add(() -> {
            throw new java.io.IOException("unreadable.png: not an image");
        });
        List<String> lines = new ArrayList<>();
        long[] advanced = {0};
        ImageMaskTrainer.Trained trained = new DrfiForestTrainer().train(new ImageMaskTrainer.Request(
                DrfiConfig.defaults(), samples, SMALL, 1, true, 2, 7, out, ORIGIN), new ImageMaskTrainer.Listener() {
                    @Override
                    public void advanced(long done, long total) {
                        advanced[0]++;
                    }

                    @Override
                    public void line(String text) {
                        lines.add(text);
                    }
                });
        assertEquals(List.of(dir.resolve("models/forest.round0.bin.gz"), out), trained.files());
        assertFalse(trained.exactMasks());
        assertTrue(Files.size(trained.files().get(0)) > 20 && Files.size(out) > 20);
        assertEquals(10, advanced[0], "two rounds over five samples");
        assertTrue(lines.contains("skipped unreadable.png: not an image"), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("round 1: ")), lines.toString());
        ModelProvenance p = DrfiProposer.readForest(out).provenance();
        assertEquals(ModelProvenance.Supervision.PSEUDO_LABELS, p.supervision());
        assertEquals(4, p.count());
        assertEquals(7, p.seed());
        assertEquals("harl test", p.command());
        assertTrue(p.data().startsWith("scenes (pseudo-labels from priors, 1 self-training rounds)"), p.data());
        assertTrue(DrfiProposer.readForest(trained.files().get(0)).provenance().data().contains("0 self-training"));
    }

    @Test
    void exactMasksMarkTheModelSupervised(@TempDir Path dir) throws Exception {
        List<SampleSource> samples = new ArrayList<>(scenes(2));
        Sample exact = SyntheticScenes.scene(9, 40, 36);
        samples.add(() -> exact);
        Path out = dir.resolve("oracle.bin.gz");
        List<String> lines = new ArrayList<>();
        ImageMaskTrainer.Trained trained = new DrfiForestTrainer().train(new ImageMaskTrainer.Request(
                DrfiConfig.defaults(), samples, SMALL, 0, false, 1, 1, out, ORIGIN), lines::add);
        assertTrue(trained.exactMasks());
        assertEquals(List.of(out), trained.files());
        assertEquals(ModelProvenance.Supervision.EXACT_MASKS, DrfiProposer.readForest(out).provenance().supervision());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("WARNING: ")), lines.toString());
    }

    @Test
    void settingsAreCheckedByName(@TempDir Path dir) {
        Path out = dir.resolve("f.bin.gz");
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class, () -> new DrfiForestTrainer()
                .train(new ImageMaskTrainer.Request(DrfiConfig.defaults(), scenes(1), Map.of("tress", 3, "depth", 4,
                        "max_regions", 15), 0, false, 1, 1, out, ORIGIN), line -> { }));
        assertTrue(wrong.getMessage().contains("unknown [tress]") && wrong.getMessage().contains("missing [mtry, trees]"),
                wrong.getMessage());
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class, () -> new DrfiForestTrainer()
                .train(new ImageMaskTrainer.Request(DrfiConfig.defaults(), scenes(1), Map.of("trees", 0, "depth", 4,
                        "mtry", 15, "max_regions", 15), 0, false, 1, 1, out, ORIGIN), line -> { }));
        assertTrue(zero.getMessage().contains("'trees'"), zero.getMessage());
        assertFalse(Files.exists(out));
    }
}
