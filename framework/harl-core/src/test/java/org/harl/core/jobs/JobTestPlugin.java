package org.harl.core.jobs;

import java.util.List;
import org.harl.spi.ComponentFactory;
import org.harl.spi.ComponentKind;
import org.harl.spi.HarlPlugin;
import org.harl.spi.data.DatasetSource;
import org.harl.spi.data.Mask;
import org.harl.spi.data.RgbImage;
import org.harl.spi.data.Sample;
import org.harl.spi.data.Split;
import org.harl.spi.mask.MaskProposer;

/**
 * A proposer and a dataset that really produce masks and images, for the job tests: {@code left_half} marks the
 * left {@code fraction} of the image as foreground; {@code tiny_images} has {@code count} 8x6 train images.
 */
final class JobTestPlugin implements HarlPlugin {

    record Half(double fraction) {
        Half {
            if (!(fraction > 0 && fraction <= 1)) {
                throw new org.harl.spi.config.InvalidConfigException("fraction", "must be in (0, 1], got " + fraction);
            }
        }
    }

    record Images(int count) {
    }

    static final class LeftHalf implements MaskProposer {
        private final double fraction;

        LeftHalf(double fraction) {
            this.fraction = fraction;
        }

        @Override
        public Mask propose(Sample sample) {
            int w = sample.image().width();
            int h = sample.image().height();
            float[] data = new float[w * h];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w * fraction; x++) {
                    data[y * w + x] = 1f;
                }
            }
            return new Mask(w, h, data);
        }
    }

    @Override
    public List<ComponentFactory<?, ?>> factories() {
        return List.of(
                ComponentFactory.of(ComponentKind.MASK_PROPOSER, "left_half", "left part foreground", Half.class,
                        new Half(0.5), (c, ctx) -> new LeftHalf(c.fraction())),
                ComponentFactory.of(ComponentKind.DATASET, "tiny_images", "generated images", Images.class,
                        new Images(3), (c, ctx) -> new DatasetSource() {
                            @Override
                            public long size(Split split) {
                                return split == Split.TRAIN ? c.count() : 0;
                            }

                            @Override
                            public Sample get(Split split, long index) {
                                return new Sample("img" + index, RgbImage.blank(8, 6), java.util.Optional.empty(), 0);
                            }

                            @Override
                            public List<String> classNames() {
                                return List.of("only");
                            }

                            @Override
                            public boolean providesMasks() {
                                return false;
                            }
                        }));
    }
}
