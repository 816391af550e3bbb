package org.harl.core.eval.downstream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BilinearUpsamplingTest {

    @Test
    void samplesLikeTorchInterpolateWithoutAlignedCorners() {
        // torch.nn.functional.interpolate(tensor([[[[0., 1.]]]]), size=(1, 4), mode='bilinear') = [0, .25, .75, 1]:
        // along one axis, 2 -> 4 weights (1, 0), (.75, .25), (.25, .75), (0, 1)
        float[] u = SegmentationProbe.bilinear(2, 4);
        // output pixel (y=1, x=2): row weights (.75, .25) x column weights (.25, .75)
        assertArrayEquals(new float[] {0.75f * 0.25f, 0.75f * 0.75f, 0.25f * 0.25f, 0.25f * 0.75f},
                java.util.Arrays.copyOfRange(u, (1 * 4 + 2) * 4, (1 * 4 + 2) * 4 + 4), 1e-7f);
        for (int p = 0; p < 16; p++) {
            float sum = 0;
            for (int g = 0; g < 4; g++) {
                sum += u[p * 4 + g];
            }
            assertEquals(1f, sum, 1e-6f, "weights of pixel " + p + " sum to 1");
        }
    }
}
