package org.harl.core.jobs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.harl.core.config.ComponentBinder;
import org.harl.core.config.ConfigException;
import org.harl.core.registry.PluginContexts;
import org.harl.core.registry.PluginRegistry;
import org.harl.spi.data.ImageFiles;
import org.harl.spi.data.Mask;
import org.harl.spi.data.RgbImage;
import org.harl.spi.data.Split;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MaskGenerationJobTest {

    @TempDir
    Path dir;

    private MaskGenerationJob job;
    private Path images;
    private Path out;

    @BeforeEach
    void setUp() throws Exception {
        PluginRegistry registry = new PluginRegistry(List.of(new JobTestPlugin()));
        ComponentBinder binder = new ComponentBinder(registry);
        job = new MaskGenerationJob(binder, new PluginContexts(registry, binder));
        images = dir.resolve("images");
        out = dir.resolve("masks");
        ImageFiles.writeImage(RgbImage.blank(10, 4), images.resolve("a/one.png"));
        ImageFiles.writeImage(RgbImage.blank(6, 6), images.resolve("b/two.png"));
        Files.write(images.resolve("a/broken.jpg"), new byte[] {1, 2, 3});
    }

    private MaskGenerationJob.Request folder(List<String> settings) {
        return new MaskGenerationJob.Request("left_half", settings,
                new MaskGenerationJob.Folder(images, Optional.empty()), out, 2, 1, dir);
    }

    @Test
    void writesTheMasksListsTheUnreadableInputAndSkipsDoneOnesNextTime() throws Exception {
        Recorder progress = new Recorder();
        MaskGenerationJob.Result r = job.run(folder(List.of("fraction=0.5")), progress);
        assertEquals(3, r.items());
        assertEquals(2, r.written());
        assertEquals(0, r.skipped());
        assertEquals(1, r.failures().size(), r.failures().toString());
        assertEquals("a/broken.jpg", r.failures().get(0).item());
        Mask one = ImageFiles.readMask(out.resolve("a/one.png"));
        assertEquals(10, one.width());
        assertEquals(1f, one.get(4, 2));
        assertEquals(0f, one.get(5, 2));
        assertTrue(Files.exists(out.resolve("b/two.png")));
        assertFalse(Files.exists(out.resolve("a/broken.png")));
        assertEquals(List.of("masks 3", "1/3", "2/3", "3/3", "finished"), progress.events);

        byte[] before = Files.readAllBytes(out.resolve("b/two.png"));
        Files.delete(out.resolve("b/two.png"));
        MaskGenerationJob.Plan plan = job.plan(folder(List.of()));
        assertEquals(1, plan.alreadyDone());
        MaskGenerationJob.Result again = job.process(folder(List.of("fraction=0.5")), plan.items(),
                ProgressListener.NONE);
        assertEquals(1, again.written());
        assertEquals(1, again.skipped());
        assertEquals(1, again.failures().size());
        assertArrayEquals(before, Files.readAllBytes(out.resolve("b/two.png")), "masks are byte-identical");
    }

    @Test
    void processesOnlyTheItemsItIsGiven() throws Exception {
        MaskGenerationJob.Request request = folder(List.of());
        List<MaskGenerationJob.Item> items = job.plan(request).items();
        assertEquals(List.of("a/broken.jpg", "a/one.png", "b/two.png"),
                items.stream().map(MaskGenerationJob.Item::label).toList());
        MaskGenerationJob.Result share = job.process(request, items.subList(2, 3), ProgressListener.NONE);
        assertEquals(new MaskGenerationJob.Result(1, 1, 0, List.of()), share);
        assertTrue(Files.exists(out.resolve("b/two.png")));
        assertFalse(Files.exists(out.resolve("a/one.png")));
    }

    @Test
    void generatesFromADatasetSplitByLoadedSampleId() throws Exception {
        MaskGenerationJob.Request request = new MaskGenerationJob.Request("left_half", List.of(),
                new MaskGenerationJob.DatasetSplit("tiny_images", List.of("count=5"), Split.TRAIN, 2), out, 1, 1, dir);
        MaskGenerationJob.Result r = job.run(request, ProgressListener.NONE);
        assertEquals(new MaskGenerationJob.Result(2, 2, 0, List.of()), r);
        assertTrue(Files.exists(out.resolve("img0.png")) && Files.exists(out.resolve("img1.png")));
        assertFalse(Files.exists(out.resolve("img2.png")));
        assertEquals(new MaskGenerationJob.Result(2, 0, 2, List.of()), job.run(request, ProgressListener.NONE));
    }

    @Test
    void badSettingsAndMissingFoldersAreClearErrorsBeforeAnyWork() {
        ConfigException bad = assertThrows(ConfigException.class, () -> job.plan(folder(List.of("fraction=2"))));
        assertTrue(bad.getMessage().contains("fraction"), bad.getMessage());
        MaskGenerationJob.Request missing = new MaskGenerationJob.Request("left_half", List.of(),
                new MaskGenerationJob.Folder(dir.resolve("nope"), Optional.empty()), out, 1, 1, dir);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> job.plan(missing));
        assertTrue(e.getMessage().contains("nope") && e.getMessage().contains("is not a folder"), e.getMessage());
        assertFalse(Files.exists(out));
    }

    /** Records what a listener is told, as text. */
    static final class Recorder implements ProgressListener {
        final List<String> events = new ArrayList<>();

        @Override
        public void started(String task, long total) {
            events.add(task + " " + total);
        }

        @Override
        public void advanced(long done, long total, double itemsPerSecond) {
            assertTrue(itemsPerSecond >= 0);
            events.add(done + "/" + total);
        }

        @Override
        public void finished() {
            events.add("finished");
        }
    }
}
