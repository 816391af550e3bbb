package org.harl.core.train;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.harl.core.run.RunDirectory;
import org.harl.core.train.optim.StatefulOptimizer;

/**
 * Checkpoints of a run in {@code <run>/checkpoints/step-<global step>.ckpt}: online, predictor and target
 * parameters (BN statistics included), the optimizer state with its momentum buffers, and the position in the data
 * (the global step; batches are a pure function of seed, epoch and step, so that is the whole data RNG state).
 * Written to a temporary file and renamed, so a killed run never leaves a torn checkpoint. Which to write and keep
 * is {@link CheckpointPolicy}'s call.
 */
public final class Checkpoints {

    private static final String MAGIC = "HARL-CHECKPOINT";
    /** 2 adds the run's training seconds; version 1 files still load, with that time unknown. */
    private static final int VERSION = 2;
    private static final Pattern NAME = Pattern.compile("step-(\\d+)\\.ckpt");

    private final Path directory;

    public Checkpoints(RunDirectory run) {
        this.directory = run.checkpoints();
    }

    public Checkpoints(Path runDirectory) {
        this(new RunDirectory(runDirectory));
    }

    public Path directory() {
        return directory;
    }

    /**
     * Where a resumed run continues.
     *
     * @param globalStep     batches consumed so far
     * @param seed           the experiment seed the checkpoint was trained with
     * @param trainedSeconds wall seconds the run has trained until this checkpoint, over all its attempts (NaN in a
     *                       version 1 checkpoint, which did not record it)
     */
    public record Position(long globalStep, long seed, double trainedSeconds) {
    }

    public Path save(Position position, SslNetworks nets, StatefulOptimizer optimizer) {
        try {
            Files.createDirectories(directory);
            Path target = directory.resolve(String.format("step-%09d.ckpt", position.globalStep()));
            Path tmp = directory.resolve(target.getFileName() + ".tmp");
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp),
                    1 << 20))) {
                out.writeUTF(MAGIC);
                out.writeInt(VERSION);
                out.writeLong(position.globalStep());
                out.writeLong(position.seed());
                out.writeDouble(position.trainedSeconds());
                nets.save(out);
                optimizer.save(out);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint to " + directory + ": " + e.getMessage(), e);
        }
    }

    /** Deletes all but the newest {@code keep} checkpoints. */
    public void keepNewest(int keep) {
        List<Path> all = list();
        try {
            for (int i = 0; i < all.size() - keep; i++) {
                Files.deleteIfExists(all.get(i));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete old checkpoints in " + directory + ": " + e.getMessage(), e);
        }
    }

    /** The newest complete checkpoint, if any. */
    public Optional<Path> latest() {
        List<Path> all = list();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** Loads a checkpoint into freshly built networks and optimizer (null: networks only); returns the position. */
    public static Position load(Path file, SslNetworks nets, StatefulOptimizer optimizer) throws IOException {
        try (DataInputStream in = open(file)) {
            Position p = header(file, in);
            nets.load(in);
            if (optimizer != null) {
                optimizer.load(nets.manager(), in);
            }
            return p;
        }
    }

    static DataInputStream open(Path file) throws IOException {
        return new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 20));
    }

    static Position header(Path file, DataInputStream in) throws IOException {
        if (!MAGIC.equals(in.readUTF())) {
            throw new IOException(file + ": not a harl checkpoint");
        }
        int version = in.readInt();
        if (version != 1 && version != VERSION) {
            throw new IOException(file + ": checkpoint version " + version + ", this build reads 1 to " + VERSION);
        }
        long step = in.readLong();
        long seed = in.readLong();
        return new Position(step, seed, version == 1 ? Double.NaN : in.readDouble());
    }

    private List<Path> list() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(directory)) {
            return s.filter(p -> NAME.matcher(p.getFileName().toString()).matches())
                    .sorted((a, b) -> Long.compare(step(a), step(b))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long step(Path p) {
        Matcher m = NAME.matcher(p.getFileName().toString());
        return m.matches() ? Long.parseLong(m.group(1)) : -1;
    }
}
