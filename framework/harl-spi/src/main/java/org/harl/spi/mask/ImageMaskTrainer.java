package org.harl.spi.mask;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.harl.spi.data.Sample;

/**
 * Trains a mask proposer's model from images alone (e.g. the {@code drfi} forest): pseudo-labels from priors, then
 * rounds of self-training on the model's own masks; samples that carry an exact mask are labelled from it (a
 * supervised, oracle-only model, which the written provenance must say). A plugin lists its trainers in
 * {@code META-INF/services/org.harl.spi.mask.ImageMaskTrainer}; tools find them by proposer name, so they never name
 * a plugin's classes. Unlike {@link MaskModelTrainer}, no trained encoder is involved.
 */
public interface ImageMaskTrainer {

    /** The registered proposer whose model this trains, e.g. {@code drfi}. */
    String proposer();

    /** Trains, writes {@code request.out()} (and each earlier round's model when asked) and reports to listener. */
    Trained train(Request request, Listener listener) throws Exception;

    /** One training image, read when the trainer needs it (from a worker thread). */
    interface SampleSource {
        Sample get() throws Exception;
    }

    /**
     * @param proposerConfig  the proposer's bound config record (how regions and features are computed)
     * @param samples         training images; a present {@link Sample#groundTruth()} means "label from this mask"
     * @param settings        the trainer's own numeric settings by snake_case key (for drfi: trees, depth, mtry,
     *                        max_regions); a missing or unknown key is an error naming it
     * @param selfTrainRounds rounds of relabelling from the previous model's masks, after the prior-based round
     * @param keepRounds      also write each earlier round's model beside {@code out}
     * @param threads         worker threads for reading images and computing features
     * @param seed            the seed: training is deterministic for it
     * @param out             the model file to write
     * @param origin          where the data and the request came from, recorded in the model's provenance
     */
    record Request(Record proposerConfig, List<SampleSource> samples, Map<String, Number> settings,
            int selfTrainRounds, boolean keepRounds, int threads, long seed, Path out, Origin origin) {
        public Request {
            samples = List.copyOf(samples);
            settings = Map.copyOf(settings);
            if (selfTrainRounds < 0) {
                throw new IllegalArgumentException("self-training rounds must be >= 0, got " + selfTrainRounds);
            }
        }
    }

    /**
     * @param data        the datasets (with settings) and folders, e.g. {@code synthetic_objects; folder imgs}
     * @param split       the split the images came from ({@code train}, or {@code folder})
     * @param command     the command line that asked for the model
     * @param harlVersion the harl version that trained it
     */
    record Origin(String data, String split, String command, String harlVersion) {
    }

    /** Follows training; called from one thread at a time. */
    interface Listener {
        /** A pass over the samples begins (one per round). */
        default void started(String task, long total) {
        }

        /** One more sample of the current pass is done (or skipped). */
        default void advanced(long done, long total) {
        }

        /** The current pass is over. */
        default void finished() {
        }

        /** A line of the report: round sizes, timings, files written, provenance, warnings, skipped samples. */
        void line(String text);
    }

    /** The files written (the final model last) and whether any exact mask was used. */
    record Trained(List<Path> files, boolean exactMasks) {
        public Trained {
            files = List.copyOf(files);
        }
    }
}
