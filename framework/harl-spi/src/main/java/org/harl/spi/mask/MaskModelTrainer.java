package org.harl.spi.mask;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.harl.spi.PluginContext;
import org.harl.spi.data.Sample;
import org.harl.spi.encoder.FeatureStage;

/**
 * Trains the weights of a learned mask proposer on a trained run's frozen encoder, against the masks of another
 * proposer (e.g. the {@code saliency_head} proposer's head). A plugin lists its trainers in
 * {@code META-INF/services/org.harl.spi.mask.MaskModelTrainer}; the core's training job finds them by proposer name,
 * so tools never name a plugin's classes.
 */
public interface MaskModelTrainer {

    /** The registered proposer whose weights this trains, e.g. {@code saliency_head}. */
    String proposer();

    /** The weights file written into the run directory when the request names none, e.g. {@code saliency_head.params}. */
    String defaultFileName();

    /** Trains and writes the weights (and their description files); progress lines go to {@code log}. */
    Trained train(Request request, Consumer<String> log) throws IOException;

    /**
     * @param context      a context of the run's experiment (it opens the run's encoder)
     * @param runDirectory the trained run whose frozen encoder the model sits on
     * @param samples      training images
     * @param targets      the proposer whose masks the model learns
     * @param targetsName  how {@code targets} was specified, recorded with the weights
     * @param steps        optimiser steps per fit
     * @param learningRate optimiser learning rate
     * @param rounds       self-training rounds on the model's own masks
     * @param out          the weights file to write
     * @param featureStage the encoder's feature map the model sits on (C5, or C4 for a finer grid)
     */
    record Request(PluginContext context, Path runDirectory, List<Sample> samples, MaskProposer targets,
            String targetsName, int steps, float learningRate, int rounds, Path out, FeatureStage featureStage) {
        public Request {
            samples = List.copyOf(samples);
            java.util.Objects.requireNonNull(featureStage, "featureStage");
        }

        /** On the encoder's C5 map. */
        public Request(PluginContext context, Path runDirectory, List<Sample> samples, MaskProposer targets,
                String targetsName, int steps, float learningRate, int rounds, Path out) {
            this(context, runDirectory, samples, targets, targetsName, steps, learningRate, rounds, out,
                    FeatureStage.C5);
        }
    }

    /** The files written (weights first) and a one-line description of the trained model. */
    record Trained(List<Path> files, String description) {
        public Trained {
            files = List.copyOf(files);
        }
    }
}
