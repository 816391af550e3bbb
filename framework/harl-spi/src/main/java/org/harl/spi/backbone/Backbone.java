package org.harl.spi.backbone;

import ai.djl.nn.Block;
import java.util.OptionalInt;

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

    /**
     * Where C4 (the map of the stage before the last) comes out: the number of leading children of
     * {@link #newBlock()}'s {@link ai.djl.nn.SequentialBlock} that produce it. Empty (the default) when the backbone
     * has a single stage or is not such a sequence; frozen encoders then give C5 only.
     */
    default OptionalInt c4Children() {
        return OptionalInt.empty();
    }
}
