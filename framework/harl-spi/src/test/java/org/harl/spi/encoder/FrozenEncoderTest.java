package org.harl.spi.encoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.harl.spi.augment.Augmentation;
import org.junit.jupiter.api.Test;

class FrozenEncoderTest {

    /** An encoder that only knows C5 (as a third-party encoder would): C4 is a config error naming the key. */
    @Test
    void anEncoderWithoutC4RejectsItNamingTheKey() {
        FrozenEncoder c5Only = new FrozenEncoder() {
            @Override
            public Augmentation augmentation() {
                throw new AssertionError("not used");
            }

            @Override
            public NDArray c5(NDManager manager, float[] images, int n, int side) {
                throw new AssertionError("not used for C4");
            }

            @Override
            public void close() {
            }
        };
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> c5Only.features(null, new float[0], 0, 32, FeatureStage.C4));
        assertEquals("feature_stage: this encoder gives no c4 map; use c5", e.getMessage());
    }
}
