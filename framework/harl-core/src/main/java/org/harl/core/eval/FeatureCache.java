package org.harl.core.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import org.harl.spi.data.Split;

/**
 * Frozen features of a split, cached in {@code RUN_DIR/eval/} so that the linear probe and kNN (and repeated
 * evaluations with other probe settings) extract them once. The file name holds the checkpoint step and a hash of
 * the dataset config and the sample limit, so a newer checkpoint or another dataset setting never reads stale
 * features.
 */
public final class FeatureCache {

    /** Computes features on a cache miss. */
    @FunctionalInterface
    public interface Extractor {
        FeatureSet extract() throws Exception;
    }

    private static final int MAGIC = 0x48464554; // "HFET"
    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private final Path dir;

    public FeatureCache(Path runDir) {
        this.dir = runDir.resolve("eval");
    }

    private FeatureCache() {
        this.dir = null;
    }

    /** A cache that keeps nothing: every request extracts (quick probes that should leave no files). */
    public static FeatureCache none() {
        return new FeatureCache();
    }

    /** The cache file of a split's features for a checkpoint step and a dataset config. */
    public Path file(long step, Map<String, Object> datasetConfig, Split split, int limit) {
        return dir.resolve("features-step" + step + "-" + key(datasetConfig, limit) + "-"
                + split.name().toLowerCase(java.util.Locale.ROOT) + ".bin");
    }

    public FeatureSet getOrCompute(long step, Map<String, Object> datasetConfig, Split split, int limit,
                                   Extractor extractor) throws Exception {
        if (dir == null) {
            return extractor.extract();
        }
        Path file = file(step, datasetConfig, split, limit);
        if (Files.isRegularFile(file)) {
            return read(file);
        }
        FeatureSet features = extractor.extract();
        write(file, features);
        return features;
    }

    static String key(Map<String, Object> datasetConfig, int limit) {
        try {
            String canonical = CANONICAL.writeValueAsString(Map.of("dataset", datasetConfig, "limit", limit));
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash the dataset config: " + e.getMessage(), e);
        }
    }

    static void write(Path file, FeatureSet set) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            ByteBuffer buf = ByteBuffer.allocate(12 + 4 * set.features().length + 4 * set.size())
                    .order(ByteOrder.LITTLE_ENDIAN);
            buf.putInt(MAGIC).putInt(set.size()).putInt(set.dim());
            buf.asFloatBuffer().put(set.features());
            buf.position(buf.position() + 4 * set.features().length);
            buf.asIntBuffer().put(set.labels());
            buf.position(buf.capacity()).flip();
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write feature cache " + file + ": " + e.getMessage(), e);
        }
    }

    static FeatureSet read(Path file) {
        try {
            ByteBuffer buf = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
            if (buf.remaining() < 12 || buf.getInt() != MAGIC) {
                throw new IOException("not a feature cache file (delete it to recompute)");
            }
            int n = buf.getInt();
            int d = buf.getInt();
            if (n < 0 || d < 1 || buf.remaining() != 4L * n * d + 4L * n) {
                throw new IOException("truncated or corrupt: header says " + n + " x " + d
                        + " (delete it to recompute)");
            }
            float[] x = new float[n * d];
            buf.asFloatBuffer().get(x);
            buf.position(buf.position() + 4 * x.length);
            int[] y = new int[n];
            buf.asIntBuffer().get(y);
            return new FeatureSet(n, d, x, y);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }
}
