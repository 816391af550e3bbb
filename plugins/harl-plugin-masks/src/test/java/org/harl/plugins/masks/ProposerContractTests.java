package org.harl.plugins.masks;

import java.util.Optional;
import org.harl.spi.ComponentFactory;
import org.harl.spi.data.RgbImage;
import org.harl.spi.data.Sample;
import org.harl.spi.mask.MaskProposer;
import org.harl.testing.MaskProposerContract;
import org.junit.jupiter.api.Nested;

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
}
