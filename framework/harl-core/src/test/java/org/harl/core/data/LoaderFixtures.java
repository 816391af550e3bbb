package org.harl.core.data;

import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.harl.spi.augment.Augmentation;
import org.harl.spi.augment.View;
import org.harl.spi.data.DatasetSource;
import org.harl.spi.data.Mask;
import org.harl.spi.data.RgbImage;
import org.harl.spi.data.Sample;
import org.harl.spi.data.Split;

/** Tiny deterministic dataset and augmentation whose outputs reveal the sample and the random stream used. */
final class LoaderFixtures {

    private LoaderFixtures() {
    }

    /** Image i is filled with i / 1000 (train) or -i / 1000 (test); label = index; ground truth all ones. */
    static final class IndexDataset implements DatasetSource {
        final int train;
        final int test;
        final AtomicInteger gets = new AtomicInteger();
        volatile long failAt = -1;

        IndexDataset(int train, int test) {
            this.train = train;
            this.test = test;
        }

        @Override
        public long size(Split split) {
            return split == Split.TRAIN ? train : test;
        }

        @Override
        public Sample get(Split split, long index) {
            gets.incrementAndGet();
            if (index == failAt) {
                throw new IllegalStateException("broken file " + index);
            }
            RgbImage img = RgbImage.blank(4, 4);
            java.util.Arrays.fill(img.data(), (split == Split.TRAIN ? 1 : -1) * index / 1000f);
            return new Sample(split + "/" + index, img, Optional.of(Mask.filled(4, 4, 1f)), (int) index);
        }

        @Override
        public List<String> classNames() {
            return List.of();
        }

        @Override
        public boolean providesMasks() {
            return true;
        }
    }

    /**
     * Output side 2: pixel 0 = image value, pixel 1 = a random draw, pixel 2 = view index, the rest 0; mask = the
     * input mask's first value + a random draw. Sleeps a random short time so thread timing varies.
     */
    static final class ProbeAugmentation implements Augmentation {
        final AtomicInteger masksSeen = new AtomicInteger();

        @Override
        public int outputSize() {
            return 2;
        }

        @Override
        public View apply(RgbImage image, Mask mask, int viewIndex, SplittableRandom rng) {
            try {
                Thread.sleep(new SplittableRandom().nextInt(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            float[] d = new float[12];
            d[0] = image.data()[0];
            d[1] = (float) rng.nextDouble();
            d[2] = viewIndex;
            Mask m = null;
            if (mask != null) {
                masksSeen.incrementAndGet();
                m = new Mask(2, 2, new float[] {mask.data()[0], (float) rng.nextDouble(), 0, 0});
            }
            return new View(new RgbImage(2, 2, d), m);
        }

        @Override
        public RgbImage evaluationView(RgbImage image) {
            float[] d = new float[12];
            java.util.Arrays.fill(d, image.data()[0]);
            return new RgbImage(2, 2, d);
        }
    }

    static long liveThreads(String prefix) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith(prefix) && t.isAlive()).count();
    }
}
