package org.harl.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.harl.spi.PluginContext;
import org.harl.spi.data.Sample;
import org.harl.spi.mask.MaskProposer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract every {@link MaskProposer} must meet, as a JUnit 5 test a plugin applies in one line:
 *
 * <pre>{@code
 * class ColorContrastContractTest extends MaskProposerContract {
 *     protected MaskProposer create() {
 *         return ColorContrastProposer.FACTORY.create(ColorContrastProposer.FACTORY.defaults(), context());
 *     }
 * }
 * }</pre>
 *
 * <p>The rules:
 * <ul>
 *   <li><b>shape and range:</b> the mask has the image's width and height, every value finite and in [0, 1];</li>
 *   <li><b>binary</b> when {@link #binary()} says so: every value exactly 0 or 1;</li>
 *   <li><b>input untouched:</b> the sample's image and ground truth are not modified;</li>
 *   <li><b>deterministic:</b> two proposers from {@link #create()} (same config, seed {@link #SEED}) give identical
 *       masks, and so do repeated calls;</li>
 *   <li><b>thread-safe:</b> 4 threads calling one proposer at once get exactly the single-thread masks; the
 *       samples include two images of one size with different content, so a scratch buffer shared between calls
 *       (or cached per image size) shows;</li>
 *   <li><b>1-pixel image:</b> gives a valid 1x1 mask, or an {@link IllegalArgumentException} with a message
 *       (never another exception type, never a wrong-size mask);</li>
 *   <li><b>uniform image</b> ({@link ContractImages#uniform()}, every pixel the same grey): gives a valid mask, so
 *       a division by the image's contrast or spread is guarded;</li>
 *   <li><b>registered</b> (when {@link #registeredName()} is given): ServiceLoader finds exactly one plugin
 *       registering that mask proposer name;</li>
 *   <li><b>unreadable input</b> gives an {@link IllegalArgumentException} whose message names the sample id.
 *       "Unreadable" means the proposer cannot get the data it needs for that sample: a proposer that reads files
 *       per sample (precomputed masks) fails on a missing or corrupt file, one that needs the ground truth fails on
 *       a sample without one. A proposer that works from the decoded image alone accepts every valid
 *       {@link org.harl.spi.data.RgbImage} (the record already rejects malformed ones), so it has no unreadable
 *       input and leaves {@link #unreadableSample()} empty; the 1-pixel rule is its edge case. When
 *       {@link #unreadableSampleFile()} names the file behind that sample, the message must name it too.</li>
 *   <li><b>unreadable model file</b> (when {@link #modelLoader()} is given): built from a missing file, or from a
 *       file holding bytes that are no model, the proposer throws an {@link IllegalArgumentException} naming the
 *       file, when built or at the latest on its first mask.</li>
 * </ul>
 *
 * <p>Override {@link #samples()} when the proposer needs particular inputs (e.g. ids that exist in a mask folder).
 */
public abstract class MaskProposerContract {

    /** The seed of {@link #context()}. */
    public static final long SEED = 42;

    private MaskProposer shared;

    @TempDir
    Path scratchDir;

    /** A new proposer under test, built the way a run builds it (typically factory.create(config, context())). */
    protected abstract MaskProposer create();

    /** Whether the proposer promises binary masks (values exactly 0 or 1) with this config. */
    protected boolean binary() {
        return false;
    }

    /** The inputs of every check; by default {@link ContractImages#samples()}, which carry exact ground truth. */
    protected List<Sample> samples() {
        return ContractImages.samples();
    }

    /** An input this proposer cannot read (see the class comment), or empty when none exists. */
    protected Optional<Sample> unreadableSample() {
        return Optional.empty();
    }

    /** The file {@link #unreadableSample()} stands for (e.g. its missing mask), which the error must name. */
    protected Optional<Path> unreadableSampleFile() {
        return Optional.empty();
    }

    /**
     * Builds the proposer the way its factory does but from the given model file, for proposers that load one
     * (a forest, network weights); empty (the default) for proposers that load no model file.
     */
    protected Optional<Function<Path, MaskProposer>> modelLoader() {
        return Optional.empty();
    }

    /**
     * The name the proposer is registered under (its factory's {@code name()}); when given, the contract also checks
     * that {@link java.util.ServiceLoader} finds exactly one plugin registering it. Null skips that check.
     */
    protected String registeredName() {
        return null;
    }

    /** A context with seed {@link #SEED}, paths resolved against the working directory. */
    protected PluginContext context() {
        return TestPluginContext.withSeed(SEED);
    }

    private MaskProposer proposer() {
        if (shared == null) {
            shared = create();
        }
        return shared;
    }

    @AfterEach
    void closeProposer() {
        if (shared != null) {
            shared.close();
            shared = null;
        }
    }

    @Test
    void masksHaveTheImageSizeAndValuesInZeroOne() {
        MaskProposerChecks.shapeAndRange(proposer(), samples());
    }

    @Test
    void masksAreBinaryWhenDeclaredBinary() {
        assumeTrue(binary(), "proposer does not declare binary masks");
        MaskProposerChecks.binary(proposer(), samples());
    }

    @Test
    void proposingLeavesTheInputUnchanged() {
        MaskProposerChecks.inputUnchanged(proposer(), samples());
    }

    @Test
    void sameConfigAndSeedGiveTheSameMasks() {
        MaskProposerChecks.deterministic(this::create, samples());
    }

    @Test
    void fourThreadsAtOnceGetTheSingleThreadMasks() {
        MaskProposerChecks.threadSafe(proposer(), samples());
    }

    @Test
    void onePixelImageGivesAOnePixelMaskOrAClearError() {
        MaskProposerChecks.onePixel(proposer(), ContractImages.onePixel());
    }

    @Test
    void uniformImageGivesAValidMask() {
        MaskProposerChecks.uniform(proposer(), ContractImages.uniform());
    }

    @Test
    void unreadableInputGivesAnIllegalArgumentExceptionNamingTheSample() {
        Optional<Sample> bad = unreadableSample();
        assumeTrue(bad.isPresent(), "proposer has no unreadable input");
        MaskProposerChecks.unreadable(proposer(), bad.get(), unreadableSampleFile().orElse(null));
    }

    @Test
    void missingModelFileGivesAnIllegalArgumentExceptionNamingIt() {
        Optional<Function<Path, MaskProposer>> loader = modelLoader();
        assumeTrue(loader.isPresent(), "proposer loads no model file");
        MaskProposerChecks.unreadableModel(loader.get(), scratchDir.resolve("no_such_model.bin"), samples().get(0));
    }

    @Test
    void corruptModelFileGivesAnIllegalArgumentExceptionNamingIt() throws IOException {
        Optional<Function<Path, MaskProposer>> loader = modelLoader();
        assumeTrue(loader.isPresent(), "proposer loads no model file");
        byte[] junk = new byte[256];
        new SplittableRandom(SEED).nextBytes(junk);
        Path corrupt = Files.write(scratchDir.resolve("corrupt_model.bin"), junk);
        MaskProposerChecks.unreadableModel(loader.get(), corrupt, samples().get(0));
    }

    @Test
    void pluginIsFoundByServiceLoader() {
        assumeTrue(registeredName() != null, "no registered name given");
        MaskProposerChecks.registered(registeredName());
    }

    @Test
    void closingTwiceIsHarmless() {
        MaskProposer p = create();
        p.close();
        p.close();
    }
}
