package org.harl.spi.backbone;

import ai.djl.nn.Block;

/** An encoder whose output is the last stage's feature map (C5), not pooled logits. */
public interface Backbone {

    /**
     * A fresh, uninitialised block mapping images (N, 3, H, W) to the C5 map (N, C, h, w). Called once for the online
     * and once for the target network, so both have identical structure and parameter order.
     */
    Block newBlock();

    /** C, the channel count of the feature map. */
    int featureChannels();

    /** h (= w) of the feature map for a square input of side {@code inputSize}. */
    int featureSize(int inputSize);
}
