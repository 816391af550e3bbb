package org.harl.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.harl.spi.ComponentFactory;
import org.harl.spi.ComponentKind;
import org.harl.spi.HarlPlugin;
import org.harl.spi.data.Mask;
import org.harl.spi.data.Sample;
import org.harl.spi.mask.MaskProposer;

/**
 * The {@link MaskProposer} contract as static checks, for test classes that cannot extend
 * {@link MaskProposerContract} (see there for the rules). Each check throws an {@link AssertionError} that names
 * the sample and what was wrong.
 */
public final class MaskProposerChecks {

    /** Concurrent callers in {@link #threadSafe}. */
    public static final int THREADS = 4;

    private MaskProposerChecks() {
    }

    /** Runs every check; {@code unreadable} may be null when the proposer has no unreadable input. */
    public static void verifyAll(Supplier<MaskProposer> factory, boolean binary, List<Sample> samples,
            Sample unreadable) {
        try (MaskProposer p = factory.get()) {
            shapeAndRange(p, samples);
            if (binary) {
                binary(p, samples);
            }
            inputUnchanged(p, samples);
            onePixel(p, ContractImages.onePixel());
            uniform(p, ContractImages.uniform());
            threadSafe(p, samples);
            if (unreadable != null) {
                unreadable(p, unreadable);
            }
        }
        deterministic(factory, samples);
    }

    /** Each mask has the image's width and height and finite values in [0, 1]. */
    public static void shapeAndRange(MaskProposer p, List<Sample> samples) {
        for (Sample s : samples) {
            Mask m = p.propose(s);
            assertNotNull(m, s.id() + ": propose returned null");
            assertEquals(s.image().width() + "x" + s.image().height(), m.width() + "x" + m.height(),
                    s.id() + ": mask size must equal the image size (width x height)");
            float[] d = m.data();
            for (int i = 0; i < d.length; i++) {
                if (!(d[i] >= 0f && d[i] <= 1f)) {
                    fail(s.id() + ": mask value " + d[i] + " at (" + (i % m.width()) + ", " + (i / m.width())
                            + ") is outside [0, 1]");
                }
            }
        }
    }

    /** Every value is exactly 0 or 1. */
    public static void binary(MaskProposer p, List<Sample> samples) {
        for (Sample s : samples) {
            Mask m = p.propose(s);
            for (int i = 0; i < m.data().length; i++) {
                float v = m.data()[i];
                if (v != 0f && v != 1f) {
                    fail(s.id() + ": a binary proposer returned " + v + " at (" + (i % m.width()) + ", "
                            + (i / m.width()) + ")");
                }
            }
        }
    }

    /** Proposing does not write into the sample's image or ground truth (they are shared, immutable data). */
    public static void inputUnchanged(MaskProposer p, List<Sample> samples) {
        for (Sample s : samples) {
            float[] image = s.image().data().clone();
            float[] gt = s.groundTruth().map(g -> g.data().clone()).orElse(null);
            p.propose(s);
            assertArrayEquals(image, s.image().data(), s.id() + ": propose modified the input image");
            s.groundTruth().ifPresent(g -> assertArrayEquals(gt, g.data(), s.id() + ": propose modified the ground truth"));
        }
    }

    /**
     * Two proposers from the same factory (same config and seed) give identical masks, and one proposer gives the
     * same mask when asked twice.
     */
    public static void deterministic(Supplier<MaskProposer> factory, List<Sample> samples) {
        try (MaskProposer a = factory.get(); MaskProposer b = factory.get()) {
            for (Sample s : samples) {
                float[] first = a.propose(s).data();
                assertArrayEquals(first, a.propose(s).data(), s.id() + ": the same proposer gave two different masks");
                assertArrayEquals(first, b.propose(s).data(),
                        s.id() + ": two proposers built with the same config and seed gave different masks");
            }
        }
    }

    /** {@value #THREADS} threads calling one proposer concurrently get the masks a single thread gets. */
    public static void threadSafe(MaskProposer p, List<Sample> samples) {
        List<float[]> expected = samples.stream().map(s -> p.propose(s).data()).toList();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<List<float[]>>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int shift = t;
                futures.add(pool.submit(() -> {
                    List<float[]> got = new ArrayList<>(samples.size());
                    for (int rep = 0; rep < 3; rep++) {
                        got.clear();
                        for (int i = 0; i < samples.size(); i++) {
                            got.add(null);
                        }
                        for (int k = 0; k < samples.size(); k++) { // each thread in its own order
                            int i = (k + shift) % samples.size();
                            got.set(i, p.propose(samples.get(i)).data());
                        }
                    }
                    return got;
                }));
            }
            for (int t = 0; t < THREADS; t++) {
                List<float[]> got;
                try {
                    got = futures.get(t).get(5, TimeUnit.MINUTES);
                } catch (Exception e) {
                    throw new AssertionError("propose failed when called from " + THREADS + " threads at once: " + e, e);
                }
                for (int i = 0; i < samples.size(); i++) {
                    assertArrayEquals(expected.get(i), got.get(i), samples.get(i).id()
                            + ": a mask computed concurrently (thread " + t + ") differs from the sequential one");
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** A 1x1 image gives a valid 1x1 mask or an {@link IllegalArgumentException} with a message. */
    public static void onePixel(MaskProposer p, Sample onePixel) {
        Mask m;
        try {
            m = p.propose(onePixel);
        } catch (IllegalArgumentException e) {
            assertClearMessage(e, onePixel);
            return;
        } catch (RuntimeException e) {
            throw new AssertionError("a 1x1 image must give a 1x1 mask or an IllegalArgumentException with a "
                    + "message, got " + e, e);
        }
        shapeAndRange(p, List.of(onePixel));
        assertEquals(1, m.data().length, "1x1 image");
    }

    /**
     * A uniform image (no contrast at all) gives a valid mask of its size: a proposer that divides by the image's
     * spread or contrast must guard the zero. Unlike the 1-pixel rule, an exception is not accepted, as datasets do
     * hold blank frames.
     */
    public static void uniform(MaskProposer p, Sample uniform) {
        try {
            shapeAndRange(p, List.of(uniform));
        } catch (RuntimeException e) {
            throw new AssertionError(uniform.id() + ": a uniform image must give a valid mask, got " + e, e);
        }
    }

    /** An input the proposer cannot read gives an {@link IllegalArgumentException} naming the sample. */
    public static void unreadable(MaskProposer p, Sample unreadable) {
        unreadable(p, unreadable, null);
    }

    /**
     * An input the proposer cannot read gives an {@link IllegalArgumentException} naming the sample and, when
     * {@code file} is not null, the file it failed to read (e.g. the precomputed mask of that sample).
     */
    public static void unreadable(MaskProposer p, Sample unreadable, Path file) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> p.propose(unreadable),
                unreadable.id() + ": an unreadable input must throw IllegalArgumentException");
        assertClearMessage(e, unreadable);
        assertTrue(e.getMessage().contains(unreadable.id()), "the error for an unreadable input must name the "
                + "sample id '" + unreadable.id() + "', got: " + e.getMessage());
        if (file != null) {
            assertTrue(e.getMessage().contains(file.toString()), "the error for an unreadable input must name the "
                    + "file " + file + ", got: " + e.getMessage());
        }
    }

    /**
     * A proposer built from an unreadable model file (missing, or present with bytes that are no model) fails with
     * an {@link IllegalArgumentException} naming the file: when built, or at the latest on its first mask.
     *
     * @param build builds the proposer the way its factory does, but from {@code model}
     * @param probe the sample proposed when building succeeds (a lazily loading proposer)
     */
    public static void unreadableModel(Function<Path, MaskProposer> build, Path model, Sample probe) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> {
            try (MaskProposer p = build.apply(model)) {
                p.propose(probe);
            }
        }, "model file " + model + " is unreadable: building the proposer or proposing must throw "
                + "IllegalArgumentException");
        assertNotNull(e.getMessage(), model + ": IllegalArgumentException without a message");
        assertTrue(e.getMessage().contains(model.toString()), "the error for an unreadable model file must name "
                + model + ", got: " + e.getMessage());
    }

    /**
     * Exactly one plugin found by {@link ServiceLoader} registers a mask proposer named {@code name} (catches a
     * missing or misspelt {@code META-INF/services/org.harl.spi.HarlPlugin}).
     */
    public static void registered(String name) {
        List<String> plugins = new ArrayList<>();
        List<String> owners = new ArrayList<>();
        for (HarlPlugin plugin : ServiceLoader.load(HarlPlugin.class)) {
            plugins.add(plugin.getClass().getName());
            for (ComponentFactory<?, ?> f : plugin.factories()) {
                if (f.kind() == ComponentKind.MASK_PROPOSER && f.name().equals(name)) {
                    owners.add(plugin.getClass().getName());
                }
            }
        }
        assertEquals(1, owners.size(), "expected exactly one plugin registering mask_proposer '" + name + "', found "
                + owners + "; plugins found by ServiceLoader: " + plugins + " (each plugin module lists its HarlPlugin "
                + "class in src/main/resources/META-INF/services/org.harl.spi.HarlPlugin)");
    }

    private static void assertClearMessage(IllegalArgumentException e, Sample s) {
        assertNotNull(e.getMessage(), s.id() + ": IllegalArgumentException without a message");
        assertFalse(e.getMessage().isBlank(), s.id() + ": IllegalArgumentException with a blank message");
    }
}
