package org.harl.plugins.masks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.harl.spi.ComponentFactory;
import org.harl.spi.data.ImageFiles;
import org.harl.spi.data.RgbImage;
import org.harl.spi.data.Sample;
import org.harl.spi.mask.MaskProposer;
import org.harl.testing.ContractImages;
import org.harl.testing.MaskProposerContract;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;

/** The SPI contract (size, range, determinism, thread safety, services file) for every proposer of this plugin. */
class ProposerContractTests {

    @SuppressWarnings({"unchecked", "rawtypes"})
    static MaskProposer build(ComponentFactory f, org.harl.spi.PluginContext ctx) {
        return (MaskProposer) f.create((Record) f.defaults(), ctx);
    }

    @Nested
    class Drfi extends MaskProposerContract {
        protected MaskProposer create() {
            return build(DrfiProposer.FACTORY, context());
        }

        protected boolean binary() {
            return true;
        }

        protected String registeredName() {
            return "drfi";
        }

        protected Optional<Function<Path, MaskProposer>> modelLoader() {
            DrfiConfig d = DrfiConfig.defaults();
            return Optional.of(model -> DrfiProposer.FACTORY.create(new DrfiConfig(d.levels(),
                    d.referencePixels(), d.threshold(), d.maxThreshold(), d.minComponentFraction(), model.toString()),
                    context()));
        }
    }

    @Nested
    class Fh extends MaskProposerContract {
        protected MaskProposer create() {
            return build(FelzenszwalbProposer.FACTORY, context());
        }

        protected boolean binary() {
            return true;
        }

        protected String registeredName() {
            return "felzenszwalb";
        }
    }

    @Nested
    class CenterPrior extends MaskProposerContract {
        protected MaskProposer create() {
            return build(CenterPriorProposer.FACTORY, context());
        }

        protected boolean binary() {
            return true;
        }

        protected String registeredName() {
            return "center_prior";
        }
    }

    @Nested
    class FullImage extends MaskProposerContract {
        protected MaskProposer create() {
            return build(FullImageProposer.FACTORY, context());
        }

        protected boolean binary() {
            return true;
        }

        protected String registeredName() {
            return "full_image";
        }
    }

    @Nested
    class GroundTruth extends MaskProposerContract {
        protected MaskProposer create() {
            return build(GroundTruthProposer.FACTORY, context());
        }

        protected boolean binary() {
            return true;
        }

        protected String registeredName() {
            return "ground_truth";
        }

        protected Optional<Sample> unreadableSample() {
            return Optional.of(new Sample("no/mask.png", RgbImage.blank(8, 6), Optional.empty(), -1));
        }
    }

    /** Reads the samples' exact masks back from a folder; a sample whose PNG is corrupt is unreadable. */
    @Nested
    class Precomputed extends MaskProposerContract {
        @TempDir
        Path maskDir;

        protected MaskProposer create() {
            try {
                List<Sample> all = new ArrayList<>(samples());
                all.add(ContractImages.uniform());
                all.add(ContractImages.onePixel());
                for (Sample s : all) {
                    Path f = PrecomputedProposer.maskPath(maskDir, s.id());
                    if (!Files.exists(f)) {
                        ImageFiles.writeMask(s.groundTruth().orElseThrow(), f);
                    }
                }
                Path corrupt = unreadableSampleFile().orElseThrow();
                Files.createDirectories(corrupt.getParent());
                Files.write(corrupt, Arrays.copyOf(Files.readAllBytes(
                        PrecomputedProposer.maskPath(maskDir, samples().get(0).id())), 40)); // a truncated PNG
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return PrecomputedProposer.FACTORY.create(new PrecomputedProposer.Config(maskDir.toString(), true),
                    context());
        }

        protected boolean binary() {
            return true;
        }

        protected String registeredName() {
            return "precomputed";
        }

        protected Optional<Sample> unreadableSample() {
            return Optional.of(new Sample("contract/corrupt.jpg", RgbImage.blank(8, 6), Optional.empty(), -1));
        }

        protected Optional<Path> unreadableSampleFile() {
            return Optional.of(maskDir.resolve("contract/corrupt.png"));
        }
    }
}
