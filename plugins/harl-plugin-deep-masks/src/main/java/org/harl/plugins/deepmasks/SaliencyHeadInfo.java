package org.harl.plugins.deepmasks;

import org.harl.spi.encoder.FeatureStage;

/**
 * What {@code saliency_head.json} records beside the weights: how the head was trained, so a run can be traced
 * and a head is not silently used with another encoder.
 *
 * @param channels          C of the encoder's feature map (= number of weights)
 * @param inputSide         the square side images were resized to
 * @param gridWidth         feature map width at that side
 * @param gridHeight        C5 map height
 * @param targets           the target proposer's YAML spec, e.g. {@code {type=drfi}}
 * @param images            training images
 * @param steps             full-batch Adam steps per round
 * @param learningRate      Adam learning rate
 * @param rounds            self-training rounds after the first fit
 * @param threshold         probability threshold used for self-training labels
 * @param minComponent      minimum component fraction used for self-training labels
 * @param targetForeground  mean foreground fraction of the initial targets
 * @param finalLoss         balanced BCE at the end of the last round
 * @param featureStage      the encoder map the head sits on, {@code c5} or {@code c4} (files written before the key
 *                          existed hold C5 heads)
 */
public record SaliencyHeadInfo(int channels, int inputSide, int gridWidth, int gridHeight, String targets, int images,
        int steps, float learningRate, int rounds, double threshold, double minComponent, double targetForeground,
        double finalLoss, String featureStage) {

    public SaliencyHeadInfo {
        featureStage = featureStage == null ? FeatureStage.C5.key() : featureStage;
    }

    /** A C5 head. */
    public SaliencyHeadInfo(int channels, int inputSide, int gridWidth, int gridHeight, String targets, int images,
            int steps, float learningRate, int rounds, double threshold, double minComponent, double targetForeground,
            double finalLoss) {
        this(channels, inputSide, gridWidth, gridHeight, targets, images, steps, learningRate, rounds, threshold,
                minComponent, targetForeground, finalLoss, FeatureStage.C5.key());
    }
}
