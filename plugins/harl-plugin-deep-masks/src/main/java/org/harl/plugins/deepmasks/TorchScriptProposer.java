package org.harl.plugins.deepmasks;

import ai.djl.MalformedModelException;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.harl.spi.ComponentFactory;
import org.harl.spi.ComponentKind;
import org.harl.spi.PluginContext;
import org.harl.spi.config.InvalidConfigException;
import org.harl.spi.data.Mask;
import org.harl.spi.data.RgbImage;
import org.harl.spi.data.Sample;
import org.harl.spi.mask.MaskProposer;

/**
 * Runs a user-supplied TorchScript saliency model: normalised RGB {@code (N,3,H,W)} in, {@code (N,1,H,W)}
 * probabilities or logits out, thresholded (or returned soft). Thread-safe: each calling thread gets its own
 * {@link Predictor} (DJL predictors are not thread-safe), all closed with the proposer.
 */
public final class TorchScriptProposer implements MaskProposer {

    /** Registers {@code torchscript}. */
    public static final ComponentFactory<TorchScriptConfig, MaskProposer> FACTORY = ComponentFactory.of(
            ComponentKind.MASK_PROPOSER, "torchscript",
            "foreground from a user-supplied TorchScript saliency model ((N,3,H,W) -> (N,1,H,W))",
            TorchScriptConfig.class, TorchScriptConfig.defaults(), TorchScriptProposer::create);

    private final TorchScriptConfig config;
    private final Path modelFile;
    private final ZooModel<NDList, NDList> model;
    private final ConcurrentLinkedQueue<Predictor<NDList, NDList>> allPredictors = new ConcurrentLinkedQueue<>();
    private final ThreadLocal<Predictor<NDList, NDList>> predictor;
    private volatile boolean closed;

    /** Loads the model; {@code modelFile} is already resolved. */
    public TorchScriptProposer(TorchScriptConfig config, Path modelFile) {
        this.config = config;
        this.modelFile = modelFile;
        if (!Files.isRegularFile(modelFile)) {
            throw new IllegalArgumentException("torchscript: model file " + modelFile + " does not exist");
        }
        try {
            model = Criteria.builder().setTypes(NDList.class, NDList.class)
                    .optModelPath(modelFile).optEngine("PyTorch")
                    .optTranslator(new NoopTranslator()).build().loadModel();
        } catch (IOException | ModelNotFoundException | MalformedModelException | RuntimeException e) {
            throw new IllegalArgumentException("torchscript: cannot load " + modelFile
                    + " as a TorchScript model: " + e.getMessage(), e);
        }
        predictor = ThreadLocal.withInitial(() -> {
            Predictor<NDList, NDList> p = model.newPredictor();
            allPredictors.add(p);
            return p;
        });
    }

    @Override
    public Mask propose(Sample sample) {
        return proposeAll(List.of(sample)).get(0);
    }

    /**
     * Masks for many samples, in order: same-size images are stacked into batches of at most
     * {@code batch_size} per forward pass.
     */
    public List<Mask> proposeAll(List<Sample> samples) {
        Map<Long, List<Integer>> bySize = new LinkedHashMap<>();
        for (int i = 0; i < samples.size(); i++) {
            RgbImage im = samples.get(i).image();
            bySize.computeIfAbsent(((long) im.width() << 32) | im.height(), k -> new ArrayList<>()).add(i);
        }
        Mask[] out = new Mask[samples.size()];
        for (List<Integer> group : bySize.values()) {
            for (int from = 0; from < group.size(); from += config.batchSize()) {
                List<Integer> chunk = group.subList(from, Math.min(group.size(), from + config.batchSize()));
                List<RgbImage> images = chunk.stream().map(i -> samples.get(i).image()).toList();
                List<float[]> probs = probabilities(images);
                for (int k = 0; k < chunk.size(); k++) {
                    RgbImage im = images.get(k);
                    float[] p = probs.get(k);
                    out[chunk.get(k)] = config.soft() ? new Mask(im.width(), im.height(), p)
                            : SaliencyMaps.threshold(p, im.width(), im.height(), config.threshold());
                }
            }
        }
        return List.of(out);
    }

    /** Foreground probabilities of same-size images, one row-major array per image. */
    List<float[]> probabilities(List<RgbImage> images) {
        if (closed) {
            throw new IllegalStateException("torchscript: proposer for " + modelFile + " is closed");
        }
        int n = images.size();
        int w = images.get(0).width();
        int h = images.get(0).height();
        int pixels = w * h;
        float[] input = new float[n * 3 * pixels];
        for (int k = 0; k < n; k++) {
            config.normalization().apply(images.get(k).data(), pixels, input, k * 3 * pixels);
        }
        float[] raw;
        try (NDManager manager = model.getNDManager().newSubManager()) {
            NDList result = predictor.get().predict(new NDList(manager.create(input, new Shape(n, 3, h, w))));
            NDArray y = result.head();
            Shape expected = new Shape(n, 1, h, w);
            if (!y.getShape().equals(expected)) {
                throw new IllegalArgumentException("torchscript: " + modelFile + " returned shape " + y.getShape()
                        + " for input (" + n + ", 3, " + h + ", " + w + "); a saliency model must return " + expected);
            }
            raw = y.toFloatArray();
            result.close();
        } catch (TranslateException e) {
            throw new IllegalArgumentException("torchscript: " + modelFile + " failed on a (" + n + ", 3, " + h
                    + ", " + w + ") input: " + e.getMessage(), e);
        }
        List<float[]> out = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            float[] p = new float[pixels];
            for (int i = 0; i < pixels; i++) {
                float v = raw[k * pixels + i];
                p[i] = config.output() == ModelOutput.LOGITS ? SaliencyMaps.sigmoid(v) : checkProbability(v);
            }
            out.add(p);
        }
        return out;
    }

    private float checkProbability(float v) {
        if (!(v >= 0f && v <= 1f)) {
            throw new IllegalArgumentException("torchscript: " + modelFile + " output " + v
                    + " is not a probability in [0,1]; set `output: logits` if the model returns logits");
        }
        return v;
    }

    @Override
    public List<Path> modelFiles() {
        return List.of(modelFile);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (Predictor<NDList, NDList> p : allPredictors) {
            p.close();
        }
        allPredictors.clear();
        model.close();
    }

    private static MaskProposer create(TorchScriptConfig config, PluginContext context) {
        InvalidConfigException.check(!config.model().isBlank(), "model",
                "required: the path of a TorchScript (.pt) saliency model");
        return new TorchScriptProposer(config, context.resolvePath(config.model()));
    }
}
