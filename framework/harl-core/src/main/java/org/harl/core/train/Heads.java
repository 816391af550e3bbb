package org.harl.core.train;

import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;

/** The BYOL head MLP: Linear, BN, ReLU, Linear (no output BN), used for the projector and the predictor. */
final class Heads {

    private Heads() {
    }

    static Block mlp(int hidden, int out) {
        return new SequentialBlock()
                .add(Linear.builder().setUnits(hidden).build())
                .add(BatchNorm.builder().optMomentum(0.9f).build())
                .add(Activation.reluBlock())
                .add(Linear.builder().setUnits(out).build());
    }
}
