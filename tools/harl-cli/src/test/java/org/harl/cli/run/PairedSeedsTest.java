package org.harl.cli.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import ai.djl.nn.Parameter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.harl.core.config.ComponentBinder;
import org.harl.core.config.ExperimentBinder;
import org.harl.core.config.ExperimentConfig;
import org.harl.core.config.ExperimentLoader;
import org.harl.core.data.PairBatch;
import org.harl.core.data.PairBatchLoader;
import org.harl.core.registry.PluginContexts;
import org.harl.core.registry.PluginRegistry;
import org.harl.core.train.SslNetworks;
import org.harl.spi.PluginContext;
import org.harl.spi.augment.Augmentation;
import org.harl.spi.backbone.Backbone;
import org.harl.spi.data.DatasetSource;
import org.harl.spi.mask.MaskProposer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Paired seeds: a BYOL run and a HARL run of one seed differ only in the loss and the masks, so they see the same
 * batches (order and augmentation draws) and start from the same weights, even while other runs of a parallel sweep
 * initialise their networks in the same JVM.
 */
class PairedSeedsTest {

    private static final String COMMON = """
            seed: 5
            dataset: {type: synthetic_objects, image_size: 32, train_size: 32, test_size: 8, classes: 3}
            backbone: {type: tiny_resnet, stem: small, widths: [4, 8], blocks_per_stage: 1}
            augmentation: {type: byol, size: 16}
            training: {epochs: 2, batch_size: 8, steps_per_epoch: 2, workers: 2, prefetch: 2}
            heads: {projector_hidden: 16, projection_size: 8, predictor_hidden: 16}
            """;
    private static final String BYOL = "name: byol\nloss: byol\n" + COMMON;
    private static final String HARL = "name: harl\nloss: {type: harl, alpha: 0.7, beta: 0.5}\n"
            + "mask_proposer: {type: center_prior, area_fraction: 0.3}\n" + COMMON;

    @TempDir
    Path dir;

    private final PluginRegistry registry = PluginRegistry.discover();
    private final ComponentBinder components = new ComponentBinder(registry);

    @Test
    void byolAndHarlOfOneSeedSeeTheSameBatches() throws Exception {
        List<PairBatch> byol = firstBatches(load(BYOL, "byol.yaml"));
        List<PairBatch> harl = firstBatches(load(HARL, "harl.yaml"));
        assertEquals(byol.size(), harl.size());
        for (int i = 0; i < byol.size(); i++) {
            PairBatch b = byol.get(i);
            PairBatch h = harl.get(i);
            String where = "batch " + b.epoch() + "/" + b.step();
            assertArrayEquals(b.labels(), h.labels(), where + ": data order");
            assertArrayEquals(b.view1(), h.view1(), where + ": view 1 (crop, flips, colour draws)");
            assertArrayEquals(b.view2(), h.view2(), where + ": view 2 (crop, flips, colour draws)");
            assertNull(b.mask1(), where + ": BYOL has no masks");
            assertNotNull(h.mask1(), where + ": HARL has masks");
        }
    }

    @Test
    void byolAndHarlOfOneSeedStartFromTheSameWeights() throws Exception {
        Map<String, float[]> byol = initialWeights(load(BYOL, "byol.yaml"));
        assertFalse(byol.isEmpty());
        // a neighbour of a parallel sweep (another seed) initialises networks the whole time
        ExperimentConfig neighbour = load(HARL.replace("seed: 5", "seed: 77"), "neighbour.yaml");
        AtomicBoolean stop = new AtomicBoolean();
        List<Throwable> failures = new ArrayList<>();
        Thread other = new Thread(() -> {
            try {
                while (!stop.get()) {
                    initialWeights(neighbour);
                }
            } catch (Throwable t) {
                failures.add(t);
            }
        });
        other.start();
        ExperimentConfig harlConfig = load(HARL, "harl.yaml");
        List<Map<String, float[]>> harl = new ArrayList<>();
        try {
            Thread.sleep(200);
            for (int i = 0; i < 3; i++) { // a few tries: without the engine lock one clash is likely, three almost sure
                harl.add(initialWeights(harlConfig));
            }
        } finally {
            stop.set(true);
            other.join();
        }
        assertEquals(List.of(), failures);
        for (Map<String, float[]> h : harl) {
            assertEquals(byol.keySet(), h.keySet(), "the same parameters (backbone, projector, predictor)");
            byol.forEach((name, w) -> assertArrayEquals(w, h.get(name), name + " differs between BYOL and HARL"));
        }
    }

    private ExperimentConfig load(String yaml, String fileName) throws Exception {
        Path file = Files.writeString(dir.resolve(fileName), yaml);
        return new ExperimentLoader(new ExperimentBinder(components)).load(file, List.of());
    }

    private PluginContext context(ExperimentConfig experiment) {
        return new PluginContexts(registry, components).forExperiment(experiment, Optional.of(dir));
    }

    /** Epoch 0 and the first batch of epoch 1. */
    private List<PairBatch> firstBatches(ExperimentConfig e) throws Exception {
        PluginContext ctx = context(e);
        Augmentation augmentation = registry.create(e.augmentation(), ctx, Augmentation.class);
        Optional<MaskProposer> masks = e.maskProposer().map(s -> registry.create(s, ctx, MaskProposer.class));
        List<PairBatch> out = new ArrayList<>();
        try (DatasetSource data = registry.create(e.dataset(), ctx, DatasetSource.class);
             PairBatchLoader loader = new PairBatchLoader(data, masks, augmentation, e.training().batchSize(),
                     e.training().stepsPerEpoch(), e.seed(), e.training().workers(), e.training().prefetch())) {
            loader.epoch(0, 0).forEachRemaining(out::add);
            Iterator<PairBatch> next = loader.epoch(1, 0);
            out.add(next.next());
        }
        return out;
    }

    private Map<String, float[]> initialWeights(ExperimentConfig e) {
        PluginContext ctx = context(e);
        Backbone backbone = registry.create(e.backbone(), ctx, Backbone.class);
        Augmentation augmentation = registry.create(e.augmentation(), ctx, Augmentation.class);
        Map<String, float[]> out = new LinkedHashMap<>();
        try (SslNetworks nets = new SslNetworks(backbone, e.heads(), augmentation.outputSize(), e.seed())) {
            for (Map.Entry<String, Parameter> p : nets.trainable().entrySet()) {
                out.put(p.getKey(), p.getValue().getArray().toFloatArray());
            }
        }
        return out;
    }
}
