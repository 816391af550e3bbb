package org.harl.plugins.datasets;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Sample ids that differ whenever the content can differ: mask caches are shared between runs and key on
 * (proposer config, sample id), so {@code train/17} of two differently configured generated datasets must not
 * share an id. An id is {@code <dataset>:<fingerprint>/<local id>}, the fingerprint hashing everything the pixels
 * depend on (the config record, or the image folder's absolute path).
 */
public final class SampleIds {

    private SampleIds() {
    }

    /** {@code name:<12 hex digits of SHA-256(content)>}, the prefix of every id of one dataset instance. */
    public static String prefix(String dataset, String content) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return dataset + ":" + HexFormat.of().formatHex(h, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
