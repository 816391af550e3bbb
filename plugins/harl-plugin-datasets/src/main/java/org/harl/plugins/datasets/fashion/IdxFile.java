package org.harl.plugins.datasets.fashion;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * An IDX file of unsigned bytes (the MNIST format): magic {@code 00 00 08 nd}, nd big-endian dimension sizes, then
 * the data. Gzip-compressed files are recognised by their own magic, whatever their name.
 *
 * @param dims dimension sizes
 * @param data the values, row-major, as unsigned bytes
 */
public record IdxFile(int[] dims, byte[] data) {

    /** Reads and validates a file; every error names the file. */
    public static IdxFile read(Path file) throws IOException {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            raw.mark(2);
            int b0 = raw.read();
            int b1 = raw.read();
            raw.reset();
            InputStream in = b0 == 0x1f && b1 == 0x8b ? new BufferedInputStream(new GZIPInputStream(raw), 1 << 16) : raw;
            return parse(new DataInputStream(in), file);
        } catch (java.util.zip.ZipException e) {
            throw new IOException(file + ": corrupt gzip data: " + e.getMessage(), e);
        }
    }

    private static IdxFile parse(DataInputStream in, Path file) throws IOException {
        int magic;
        try {
            magic = in.readInt();
        } catch (EOFException e) {
            throw new IOException(file + ": truncated IDX file: no header");
        }
        if ((magic >>> 16) != 0 || ((magic >>> 8) & 0xff) != 0x08) {
            throw new IOException(String.format("%s: not an IDX file of unsigned bytes (magic 0x%08x, expected "
                    + "0x000008nn)", file, magic));
        }
        int nd = magic & 0xff;
        if (nd < 1 || nd > 4) {
            throw new IOException(file + ": IDX file with " + nd + " dimensions; expected 1 to 4");
        }
        int[] dims = new int[nd];
        long total = 1;
        for (int i = 0; i < nd; i++) {
            try {
                dims[i] = in.readInt();
            } catch (EOFException e) {
                throw new IOException(file + ": truncated IDX header (" + i + " of " + nd + " dimensions)");
            }
            if (dims[i] < 0) {
                throw new IOException(file + ": negative dimension " + dims[i]);
            }
            total *= dims[i];
        }
        if (total > Integer.MAX_VALUE - 16) {
            throw new IOException(file + ": IDX data too large (" + total + " bytes)");
        }
        byte[] data = new byte[(int) total];
        int read = in.readNBytes(data, 0, data.length);
        if (read < data.length) {
            throw new IOException(file + ": truncated IDX file: expected " + total + " data bytes, found " + read);
        }
        return new IdxFile(dims, data);
    }
}
