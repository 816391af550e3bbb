package org.harl.plugins.trackers.wandb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A PNG logged to W&B: stored as run file {@code media/images/{key}_{step}_{sha256[:20]}.png} and referenced from
 * the history row by an {@code image-file} object, like the Python SDK's {@code wandb.Image}.
 */
record ImageFile(String runFileName, byte[] bytes, String sha256, int width, int height) {
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    static ImageFile read(Path png, String key, long step) throws IOException {
        byte[] bytes = Files.readAllBytes(png);
        if (bytes.length < 24 || !java.util.Arrays.equals(java.util.Arrays.copyOf(bytes, 8), PNG_SIGNATURE)) {
            throw new IOException(png + " is not a PNG file");
        }
        int width = readInt(bytes, 16);
        int height = readInt(bytes, 20);
        String sha;
        try {
            sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        String safeKey = key.replaceAll("[^A-Za-z0-9_.-]", "_");
        return new ImageFile("media/images/" + safeKey + "_" + step + "_" + sha.substring(0, 20) + ".png", bytes, sha,
                width, height);
    }

    private static int readInt(byte[] b, int at) {
        return ((b[at] & 0xff) << 24) | ((b[at + 1] & 0xff) << 16) | ((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff);
    }

    /** Copies the image under {@code filesDir} at its run-file name; returns the copy. */
    Path store(Path filesDir) throws IOException {
        Path target = filesDir.resolve(runFileName);
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempFile(target.getParent(), ".img", ".tmp");
        Files.write(tmp, bytes);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    /** The value put in the history row. */
    Map<String, Object> historyValue(String caption) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("_type", "image-file");
        m.put("path", runFileName);
        m.put("sha256", sha256);
        m.put("size", bytes.length);
        m.put("format", "png");
        m.put("width", width);
        m.put("height", height);
        if (caption != null && !caption.isEmpty()) {
            m.put("caption", caption);
        }
        return m;
    }
}
