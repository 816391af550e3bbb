package org.harl.plugins.backbones;

/** The first layers of a ResNet. */
public enum Stem {
    /** 7x7 conv stride 2, BN, ReLU, 3x3 max-pool stride 2: C5 at input / 32 (224 px to 7x7). */
    IMAGENET,
    /** 3x3 conv stride 1, BN, ReLU, no max-pool (CIFAR-style): C5 at input / 8 (32 px to 4x4). */
    SMALL
}
