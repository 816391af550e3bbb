package org.harl.core.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.harl.core.data.PairBatch;
import org.harl.spi.loss.SslLoss;

/**
 * One training batch on one device or split across several of one machine (data parallel, one process).
 *
 * <p>Several devices: the master networks live on the first device, and each other device holds a replica
 * ({@link SslNetworks#replica}). Each batch is split into contiguous parts, one per device. A step (1) copies every
 * master value to the replicas: trainable weights, the EMA target and the batch-norm running statistics; (2) runs
 * forward and backward of each part on its device with the loss scaled by the part's share of the batch; (3) adds
 * each replica's gradients into the master's and zeroes them. The caller then takes one optimizer step and the EMA
 * update on the master, which the next step's copy broadcasts. So the gradient is the full batch's, as on one
 * device, except that batch norm normalises each part with its own statistics (as in DDP without SyncBN), and the
 * running statistics kept are those of the first device's part. With masks, each part averages over its own valid
 * (non-empty) pairs, so parts are weighted by image count, not by valid-pair count.
 *
 * <p>Parts run one after the other: DJL allows one open gradient collector per process, and each part ends with a
 * host read of its loss. Several GPUs therefore buy memory (a larger batch) more than speed.
 */
final class DataParallelStep {

    private final SslNetworks master;
    private final List<SslNetworks> replicas = new ArrayList<>();
    private final List<SslStep> steps = new ArrayList<>();

    /** @param devices the master's device first; replicas are created on the others */
    DataParallelStep(SslNetworks master, SslLoss loss, Devices devices) {
        this(master, loss, devices, StepListener.NONE);
    }

    /** @param listener its {@link StepListener#beforeBackward} runs between forward and backward of every part */
    DataParallelStep(SslNetworks master, SslLoss loss, Devices devices, StepListener listener) {
        this.master = master;
        steps.add(new SslStep(master, loss, listener));
        List<Device> all = devices.all();
        for (int i = 1; i < all.size(); i++) {
            SslNetworks replica = master.replica(all.get(i));
            replicas.add(replica);
            steps.add(new SslStep(replica, loss, listener));
        }
    }

    /** As {@link SslStep#run}: afterwards the master's gradients hold the whole batch's. */
    StepResult run(PairBatch batch, double progress, double scale) {
        int parts = Math.max(1, Math.min(steps.size(), batch.size() / 2)); // batch norm needs 2 per part
        if (parts == 1) {
            return steps.get(0).run(batch, progress, scale);
        }
        broadcast(parts - 1);
        List<PairBatch> split = split(batch, parts);
        List<StepResult> results = new ArrayList<>();
        List<Double> shares = new ArrayList<>();
        for (int i = 0; i < parts; i++) {
            double share = (double) split.get(i).size() / batch.size();
            results.add(steps.get(i).run(split.get(i), progress, scale * share));
            shares.add(share);
        }
        reduceGradients(parts - 1);
        return merge(results, shares);
    }

    /** Copies every master value (weights, EMA target, batch-norm statistics) to the first {@code n} replicas. */
    private void broadcast(int n) {
        Map<String, Parameter> from = master.all();
        for (SslNetworks replica : replicas.subList(0, n)) {
            Map<String, Parameter> to = replica.all();
            from.forEach((name, p) -> copyInto(p.getArray(), to.get(name).getArray()));
        }
    }

    /** Adds the first {@code n} replicas' gradients into the master's and zeroes theirs. */
    private void reduceGradients(int n) {
        Map<String, Parameter> into = master.trainable();
        for (SslNetworks replica : replicas.subList(0, n)) {
            Map<String, Parameter> from = replica.trainable();
            into.forEach((name, p) -> {
                try (NDArray sum = p.getArray().getGradient();
                     NDArray part = from.get(name).getArray().getGradient()) {
                    addInto(part, sum);
                    part.muli(0);
                }
            });
        }
    }

    /** {@code to = from}, in place, across devices. */
    static void copyInto(NDArray from, NDArray to) {
        try (NDArray moved = from.toDevice(to.getDevice(), true)) {
            to.muli(0).addi(moved);
        }
    }

    /** {@code to += from}, in place, across devices. */
    static void addInto(NDArray from, NDArray to) {
        try (NDArray moved = from.toDevice(to.getDevice(), true)) {
            to.addi(moved);
        }
    }

    /** Contiguous parts of sizes differing by at most one, the larger first. */
    static List<PairBatch> split(PairBatch b, int parts) {
        int n = b.size();
        int pixels = b.side() * b.side();
        List<PairBatch> out = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < parts; i++) {
            int size = n / parts + (i < n % parts ? 1 : 0);
            int to = from + size;
            out.add(new PairBatch(size, b.side(), slice(b.view1(), from, to, 3 * pixels),
                    slice(b.view2(), from, to, 3 * pixels), slice(b.mask1(), from, to, pixels),
                    slice(b.mask2(), from, to, pixels), b.labels() == null ? null : Arrays.copyOfRange(b.labels(), from, to), b.epoch(),
                    b.step()));
            from = to;
        }
        return out;
    }

    private static float[] slice(float[] a, int from, int to, int perImage) {
        return a == null ? null : Arrays.copyOfRange(a, from * perImage, to * perImage);
    }

    /** The batch's values: losses weighted by each part's share, empty-mask counts summed. */
    static StepResult merge(List<StepResult> results, List<Double> shares) {
        double loss = 0;
        Map<String, Double> terms = new LinkedHashMap<>();
        Map<String, Long> empty = new LinkedHashMap<>();
        for (int i = 0; i < results.size(); i++) {
            StepResult r = results.get(i);
            double w = shares.get(i);
            loss += w * r.loss();
            r.terms().forEach((k, v) -> terms.merge(k, w * v, Double::sum));
            r.emptyMasks().forEach((k, v) -> empty.merge(k, v, Long::sum));
        }
        return new StepResult(loss, terms, empty);
    }
}
