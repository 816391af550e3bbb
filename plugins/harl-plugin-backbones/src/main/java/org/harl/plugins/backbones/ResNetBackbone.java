package org.harl.plugins.backbones;

import ai.djl.basicmodelzoo.cv.classification.ResNetV1;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import java.util.List;
import java.util.OptionalInt;
import org.harl.spi.ComponentFactory;
import org.harl.spi.ComponentKind;
import org.harl.spi.backbone.Backbone;

/**
 * A ResNet v1 trunk ending at the last stage's feature map (C5): basic units from DJL's public
 * {@link ResNetV1#residualUnit} (DJL's own "ResNet-18" builder is not one, see DJL.md section 1), bottleneck units
 * from {@link BottleneckUnit}.
 *
 * @param stem       stem type
 * @param widths     output channels of each stage (for bottleneck units: 4x the inner width)
 * @param blocks     residual units per stage
 * @param bottleneck bottleneck units (1x1, 3x3, 1x1) instead of basic units (3x3, 3x3)
 */
public record ResNetBackbone(Stem stem, List<Integer> widths, List<Integer> blocks, boolean bottleneck)
        implements Backbone {

    /** Registers {@code resnet18}. */
    public static final ComponentFactory<ResNetConfig, Backbone> RESNET18 = ComponentFactory.of(ComponentKind.BACKBONE,
            "resnet18", "ResNet-18 (basic units, 11.2 M parameters), C5 = 512 channels", ResNetConfig.class,
            ResNetConfig.defaults(), (config, context) -> resnet18(config.stem()));

    /** Registers {@code resnet50}. */
    public static final ComponentFactory<ResNetConfig, Backbone> RESNET50 = ComponentFactory.of(ComponentKind.BACKBONE,
            "resnet50", "ResNet-50 (bottleneck units, 23.5 M parameters), C5 = 2048 channels", ResNetConfig.class,
            ResNetConfig.defaults(), (config, context) -> resnet50(config.stem()));

    /** Registers {@code tiny_resnet}. */
    public static final ComponentFactory<TinyResNetConfig, Backbone> TINY_RESNET = ComponentFactory.of(
            ComponentKind.BACKBONE, "tiny_resnet", "narrow ResNet for tests and quick CPU runs",
            TinyResNetConfig.class, TinyResNetConfig.defaults(), (config, context) -> config.backbone());

    /** DJL convention: 0.9 here is PyTorch's momentum 0.1. */
    private static final float BN_MOMENTUM = 0.9f;

    public ResNetBackbone {
        widths = List.copyOf(widths);
        blocks = List.copyOf(blocks);
        if (widths.isEmpty() || widths.size() != blocks.size()) {
            throw new IllegalArgumentException("widths and blocks must be non-empty and of equal length, got "
                    + widths + " and " + blocks);
        }
    }

    /** The real ResNet-18: basic units, 2-2-2-2, widths 64-128-256-512. */
    public static ResNetBackbone resnet18(Stem stem) {
        return new ResNetBackbone(stem, List.of(64, 128, 256, 512), List.of(2, 2, 2, 2), false);
    }

    /** ResNet-50: bottleneck units, 3-4-6-3, outputs 256-512-1024-2048. */
    public static ResNetBackbone resnet50(Stem stem) {
        return new ResNetBackbone(stem, List.of(256, 512, 1024, 2048), List.of(3, 4, 6, 3), true);
    }

    @Override
    public Block newBlock() {
        SequentialBlock net = new SequentialBlock();
        int stemWidth = bottleneck ? widths.get(0) / 4 : widths.get(0); // 64 for ResNet-18 and -50
        if (stem == Stem.IMAGENET) {
            net.add(Conv2d.builder().setKernelShape(new Shape(7, 7)).optStride(new Shape(2, 2))
                    .optPadding(new Shape(3, 3)).setFilters(stemWidth).optBias(false).build());
        } else {
            net.add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1))
                    .setFilters(stemWidth).optBias(false).build());
        }
        net.add(BatchNorm.builder().optMomentum(BN_MOMENTUM).build()).add(Activation.reluBlock());
        if (stem == Stem.IMAGENET) {
            net.add(Pool.maxPool2dBlock(new Shape(3, 3), new Shape(2, 2), new Shape(1, 1)));
        }
        int inChannels = stemWidth;
        for (int s = 0; s < widths.size(); s++) {
            int width = widths.get(s);
            int stride = s == 0 ? 1 : 2;
            for (int b = 0; b < blocks.get(s); b++) {
                boolean first = b == 0;
                // the first unit of a stage changes resolution or width: it needs the 1x1 projection shortcut
                boolean dimMatch = !first || (stride == 1 && inChannels == width);
                int st = first ? stride : 1;
                net.add(bottleneck ? BottleneckUnit.create(width, st, !dimMatch, BN_MOMENTUM)
                        : ResNetV1.residualUnit(width, new Shape(st, st), dimMatch, false, BN_MOMENTUM));
            }
            inChannels = width;
        }
        return net;
    }

    @Override
    public int featureChannels() {
        return widths.get(widths.size() - 1);
    }

    @Override
    public int featureSize(int inputSize) {
        int size = inputSize;
        if (stem == Stem.IMAGENET) {
            size = halve(halve(size)); // stride-2 conv, stride-2 max-pool
        }
        for (int s = 1; s < widths.size(); s++) {
            size = halve(size);
        }
        return size;
    }

    /** The stem's layers (conv, BN, ReLU, and max-pool for the ImageNet stem), then one child per residual unit. */
    @Override
    public OptionalInt c4Children() {
        if (widths.size() < 2) {
            return OptionalInt.empty();
        }
        int children = stem == Stem.IMAGENET ? 4 : 3;
        for (int s = 0; s < blocks.size() - 1; s++) {
            children += blocks.get(s);
        }
        return OptionalInt.of(children);
    }

    private static int halve(int size) {
        return (size + 1) / 2; // kernel 3 or 7, padding 1 or 3, stride 2: ceil(size / 2)
    }
}
