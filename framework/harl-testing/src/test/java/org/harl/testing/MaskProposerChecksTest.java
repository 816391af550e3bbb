package org.harl.testing;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.harl.spi.data.Mask;
import org.harl.spi.data.Sample;
import org.harl.spi.mask.MaskProposer;
import org.junit.jupiter.api.Test;

/** The checks accept a correct proposer and catch each kind of broken one. */
class MaskProposerChecksTest {

    static final List<Sample> SAMPLES = ContractImages.samples();

    /** Correct: the image's red channel, thresholded at 0.5. */
    static final MaskProposer RED = s -> {
        float[] d = new float[s.image().pixels()];
        for (int i = 0; i < d.length; i++) {
            d[i] = s.image().data()[i] > 0.5f ? 1f : 0f;
        }
        return new Mask(s.image().width(), s.image().height(), d);
    };

    static AssertionError fails(Runnable check) {
        return assertThrows(AssertionError.class, check::run);
    }

    @Test
    void aCorrectProposerPassesEveryCheck() {
        assertDoesNotThrow(() -> MaskProposerChecks.verifyAll(() -> RED, true, SAMPLES, null));
    }

    @Test
    void swappedWidthAndHeightFail() {
        MaskProposer swapped = s -> Mask.filled(s.image().height(), s.image().width(), 0f);
        assertTrue(fails(() -> MaskProposerChecks.shapeAndRange(swapped, SAMPLES)).getMessage().contains("size"));
    }

    @Test
    void valuesOutsideZeroOneOrNaNFail() {
        fails(() -> MaskProposerChecks.shapeAndRange(s -> Mask.filled(s.image().width(), s.image().height(), 1.5f),
                SAMPLES));
        fails(() -> MaskProposerChecks.shapeAndRange(
                s -> Mask.filled(s.image().width(), s.image().height(), Float.NaN), SAMPLES));
    }

    @Test
    void softValuesFailTheBinaryCheck() {
        fails(() -> MaskProposerChecks.binary(s -> Mask.filled(s.image().width(), s.image().height(), 0.5f), SAMPLES));
    }

    @Test
    void writingIntoTheImageFails() {
        MaskProposer vandal = s -> {
            s.image().data()[0] = 0.123f;
            return RED.propose(s);
        };
        List<Sample> fresh = ContractImages.samples();
        fails(() -> MaskProposerChecks.inputUnchanged(vandal, fresh));
    }

    @Test
    void aProposerThatChangesBetweenCallsFailsDeterminism() {
        AtomicLong calls = new AtomicLong();
        MaskProposer drifting = s -> Mask.filled(s.image().width(), s.image().height(), calls.incrementAndGet() % 2);
        fails(() -> MaskProposerChecks.deterministic(() -> drifting, SAMPLES));
    }

    @Test
    void sharedMutableScratchFailsTheThreadCheck() {
        // a classic bug: one scratch buffer for all calls, filled, slept on, then copied out
        MaskProposer racy = new MaskProposer() {
            final float[] scratch = new float[48 * 32];

            @Override
            public Mask propose(Sample s) {
                int n = s.image().pixels();
                java.util.Arrays.fill(scratch, 0, n, s.image().data()[0]);
                Thread.onSpinWait();
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return new Mask(s.image().width(), s.image().height(), java.util.Arrays.copyOf(scratch, n));
            }
        };
        fails(() -> MaskProposerChecks.threadSafe(racy, SAMPLES));
    }

    /**
     * A scratch buffer cached per image size: threads sharing it always work on the same image when every sample
     * has its own size (identical writes, no visible race); two same-size images with different content collide.
     */
    static MaskProposer scratchPerSize() {
        return new MaskProposer() {
            final Map<Integer, float[]> scratch = new ConcurrentHashMap<>();

            @Override
            public Mask propose(Sample s) {
                int n = s.image().pixels();
                float[] buf = scratch.computeIfAbsent(n, k -> new float[k]);
                for (int i = 0; i < n; i++) {
                    buf[i] = s.image().data()[i] > 0.5f ? 1f : 0f;
                }
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return new Mask(s.image().width(), s.image().height(), Arrays.copyOf(buf, n));
            }
        };
    }

    @Test
    void aScratchBufferSharedPerImageSizeFailsTheThreadCheck() {
        List<Sample> distinctSizes = SAMPLES.stream().filter(s -> SAMPLES.stream().filter(o -> o.image().width()
                == s.image().width() && o.image().height() == s.image().height()).count() == 1).toList();
        assertDoesNotThrow(() -> MaskProposerChecks.threadSafe(scratchPerSize(), distinctSizes),
                "the bug hides when every sample has its own size");
        assertTrue(distinctSizes.size() < SAMPLES.size(), "the contract samples must include two of one size");
        AssertionError e = fails(() -> MaskProposerChecks.threadSafe(scratchPerSize(), SAMPLES));
        assertTrue(e.getMessage().contains("concurrently"), e.getMessage());
    }

    /** Rejects tiny images (allowed) and scales the red channel to [0, 1] by its range: 0/0 on a uniform image. */
    static final MaskProposer RANGE_SCALED = s -> {
        if (s.image().pixels() < 4) {
            throw new IllegalArgumentException(s.id() + ": image smaller than 2x2");
        }
        int n = s.image().pixels();
        float lo = Float.MAX_VALUE;
        float hi = -Float.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            lo = Math.min(lo, s.image().data()[i]);
            hi = Math.max(hi, s.image().data()[i]);
        }
        float[] d = new float[n];
        for (int i = 0; i < n; i++) {
            d[i] = (s.image().data()[i] - lo) / (hi - lo);
        }
        return new Mask(s.image().width(), s.image().height(), d);
    };

    @Test
    void dividingByZeroOnAUniformImageFailsTheContract() {
        fails(() -> MaskProposerChecks.verifyAll(() -> RANGE_SCALED, false, SAMPLES, null));
    }

    @Test
    void uniformImageRuleAcceptsAValidMaskOnly() {
        Sample uniform = ContractImages.uniform();
        assertDoesNotThrow(() -> MaskProposerChecks.uniform(RED, uniform));
        assertTrue(fails(() -> MaskProposerChecks.uniform(RANGE_SCALED, uniform)).getMessage().contains("NaN"));
        fails(() -> MaskProposerChecks.uniform(s -> {
            throw new IllegalArgumentException("no contrast");
        }, uniform));
    }

    @Test
    void onePixelRuleAcceptsAMaskOrAClearErrorOnly() {
        Sample one = ContractImages.onePixel();
        assertDoesNotThrow(() -> MaskProposerChecks.onePixel(RED, one));
        assertDoesNotThrow(() -> MaskProposerChecks.onePixel(s -> {
            throw new IllegalArgumentException("image too small: 1x1");
        }, one));
        fails(() -> MaskProposerChecks.onePixel(s -> {
            throw new ArrayIndexOutOfBoundsException(-1);
        }, one));
        fails(() -> MaskProposerChecks.onePixel(s -> {
            throw new IllegalArgumentException();
        }, one));
        fails(() -> MaskProposerChecks.onePixel(s -> Mask.filled(2, 1, 0f), one));
    }

    @Test
    void unreadableInputMustThrowNamingTheSample() {
        Sample noGt = new Sample("images/cat_07.png", ContractImages.onePixel().image(), Optional.empty(), -1);
        MaskProposer needsGt = s -> s.groundTruth().orElseThrow(
                () -> new IllegalArgumentException(s.id() + ": no ground-truth mask"));
        assertDoesNotThrow(() -> MaskProposerChecks.unreadable(needsGt, noGt));
        MaskProposer vague = s -> s.groundTruth().orElseThrow(() -> new IllegalArgumentException("no mask"));
        fails(() -> MaskProposerChecks.unreadable(vague, noGt));
        fails(() -> MaskProposerChecks.unreadable(RED, noGt));
    }

    @Test
    void unreadableFileMustBeNamedWhenGiven() {
        Path file = Path.of("masks", "images", "cat_07.png");
        Sample s = new Sample("images/cat_07.png", ContractImages.onePixel().image(), Optional.empty(), -1);
        MaskProposer naming = x -> {
            throw new IllegalArgumentException(x.id() + ": cannot read mask " + file);
        };
        MaskProposer idOnly = x -> {
            throw new IllegalArgumentException(x.id() + ": cannot read its mask");
        };
        assertDoesNotThrow(() -> MaskProposerChecks.unreadable(naming, s, file));
        assertTrue(fails(() -> MaskProposerChecks.unreadable(idOnly, s, file)).getMessage().contains(file.toString()));
    }

    @Test
    void anUnreadableModelMustGiveAnIllegalArgumentExceptionNamingTheFile() {
        Path model = Path.of("models", "forest.bin");
        Sample probe = SAMPLES.get(0);
        assertDoesNotThrow(() -> MaskProposerChecks.unreadableModel(f -> {
            throw new IllegalArgumentException("cannot read forest " + f + ": not in GZIP format");
        }, model, probe));
        // loading lazily, on the first mask, is allowed
        assertDoesNotThrow(() -> MaskProposerChecks.unreadableModel(f -> s -> {
            throw new IllegalArgumentException("cannot load " + f);
        }, model, probe));
        fails(() -> MaskProposerChecks.unreadableModel(f -> {
            throw new UncheckedIOException("cannot read forest " + f, new IOException("boom"));
        }, model, probe));
        fails(() -> MaskProposerChecks.unreadableModel(f -> {
            throw new IllegalArgumentException("cannot read the forest");
        }, model, probe));
        fails(() -> MaskProposerChecks.unreadableModel(f -> RED, model, probe));
    }

    @Test
    void anUnregisteredNameFailsTheServiceLoaderCheck() {
        AssertionError e = fails(() -> MaskProposerChecks.registered("no_such_proposer"));
        assertTrue(e.getMessage().contains("META-INF/services/org.harl.spi.HarlPlugin"), e.getMessage());
    }
}
