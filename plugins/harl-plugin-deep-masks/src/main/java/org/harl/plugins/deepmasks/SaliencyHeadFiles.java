package org.harl.plugins.deepmasks;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Saves and loads a head: {@code <name>.params} holds the weight as a DJL-encoded {@link NDList} with one array of
 * shape (1, C, 1, 1) (a {@code Conv2d(C, 1, 1, bias=False)} weight), {@code <name>.json} the {@link SaliencyHeadInfo}.
 */
public final class SaliencyHeadFiles {

    /** The file name (without extension) inside the encoder's run directory. */
    public static final String DEFAULT_NAME = "saliency_head";

    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private SaliencyHeadFiles() {
    }

    /** A head and its description. */
    public record Saved(SaliencyHead head, SaliencyHeadInfo info) {
    }

    /** The JSON file that belongs to a params file ({@code x.params} → {@code x.json}). */
    public static Path infoFile(Path params) {
        String name = params.getFileName().toString();
        String stem = name.endsWith(".params") ? name.substring(0, name.length() - ".params".length()) : name;
        return params.resolveSibling(stem + ".json");
    }

    public static void save(Path params, SaliencyHead head, SaliencyHeadInfo info) throws IOException {
        if (params.getParent() != null) {
            Files.createDirectories(params.getParent());
        }
        Path tmp = params.resolveSibling(params.getFileName() + ".tmp");
        try (NDManager m = NDManager.newBaseManager(); OutputStream out = Files.newOutputStream(tmp)) {
            NDList list = new NDList(m.create(head.weights(), new Shape(1, head.channels(), 1, 1)));
            list.get(0).setName("saliency_head.weight");
            list.encode(out);
        }
        Files.move(tmp, params, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        JSON.writeValue(infoFile(params).toFile(), info);
    }

    public static Saved load(Path params) {
        if (!Files.isRegularFile(params)) {
            throw new IllegalArgumentException("saliency head " + params + " does not exist; train one with "
                    + "`harl masks train-saliency --encoder " + (params.getParent() == null ? "RUN_DIR" : params.getParent())
                    + "`");
        }
        Path json = infoFile(params);
        SaliencyHead head;
        try (NDManager m = NDManager.newBaseManager(); InputStream in = Files.newInputStream(params)) {
            NDList list;
            try {
                list = NDList.decode(m, in);
            } catch (RuntimeException e) { // DJL reports a corrupt stream as "Malformed data" without the file
                throw new IOException("not a DJL-encoded array list (" + e.getMessage() + ")", e);
            }
            Shape s = list.size() == 1 ? list.get(0).getShape() : null;
            if (s == null || s.dimension() != 4 || s.get(0) != 1 || s.get(2) != 1 || s.get(3) != 1) {
                throw new IOException("expected one (1, C, 1, 1) weight array, found "
                        + (s == null ? list.size() + " arrays" : "shape " + s));
            }
            head = new SaliencyHead(list.get(0).toFloatArray());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read saliency head " + params + ": " + e.getMessage(), e);
        }
        if (!Files.isRegularFile(json)) {
            throw new IllegalArgumentException(params + ": its settings file " + json + " is missing");
        }
        SaliencyHeadInfo info;
        try {
            info = JSON.readValue(json.toFile(), SaliencyHeadInfo.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + json + ": " + e.getMessage(), e);
        }
        if (info.channels() != head.channels()) {
            throw new IllegalArgumentException(json + " says " + info.channels() + " channels but " + params
                    + " holds " + head.channels() + " weights");
        }
        return new Saved(head, info);
    }
}
