package org.harl.plugins.backbones;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import java.util.List;

/**
 * The torchvision (v1.5) bottleneck unit: 1x1 reduce, 3x3 with the stride, 1x1 expand, each followed by BN, plus a
 * 1x1 projection shortcut when the shape changes, then ReLU. DJL's own bottleneck unit carries extra parameters
 * (it does not match torchvision's 23.5 M ResNet-50 trunk), so this one is written out.
 */
final class BottleneckUnit {

    private BottleneckUnit() {
    }

    static Block create(int outChannels, int stride, boolean projectShortcut, float bnMomentum) {
        int mid = outChannels / 4;
        SequentialBlock residual = new SequentialBlock()
                .add(conv(mid, 1, 1)).add(bn(bnMomentum)).add(Activation.reluBlock())
                .add(conv(mid, 3, stride)).add(bn(bnMomentum)).add(Activation.reluBlock())
                .add(conv(outChannels, 1, 1)).add(bn(bnMomentum));
        Block shortcut = projectShortcut
                ? new SequentialBlock().add(conv(outChannels, 1, stride)).add(bn(bnMomentum))
                : Blocks.identityBlock();
        return new SequentialBlock()
                .add(new ParallelBlock(list -> {
                    NDArray sum = list.get(0).singletonOrThrow().add(list.get(1).singletonOrThrow());
                    return new NDList(sum);
                }, List.of(residual, shortcut)))
                .add(Activation.reluBlock());
    }

    private static Block conv(int filters, int kernel, int stride) {
        int pad = kernel / 2;
        return Conv2d.builder().setKernelShape(new Shape(kernel, kernel)).setFilters(filters)
                .optStride(new Shape(stride, stride)).optPadding(new Shape(pad, pad)).optBias(false).build();
    }

    private static Block bn(float momentum) {
        return BatchNorm.builder().optMomentum(momentum).build();
    }
}
