package org.harl.cli.bench;

import jakarta.inject.Inject;
import java.awt.Image;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.harl.cli.spark.SparkOptions;
import org.harl.core.jobs.MaskGenerationJob;
import org.harl.plugins.masks.AdjustedRand;
import org.harl.plugins.masks.CpuClock;
import org.harl.plugins.masks.DrfiConfig;
import org.harl.plugins.masks.DrfiProposer;
import org.harl.plugins.masks.DrfiSaliency;
import org.harl.plugins.masks.Felzenszwalb;
import org.harl.plugins.masks.Segmentation;
import org.harl.spi.data.ImageFiles;
import org.harl.spi.data.RgbImage;
import org.harl.spi.data.Sample;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code harl bench masks}: our Felzenszwalb–Huttenlocher against scikit-image's on the same resized images in one
 * command (speed-up and partition agreement), then DRFI's per-image time with its breakdown. Single-threaded. Both
 * FH implementations get the same warm-up runs and report the median of the same number of timed runs.
 */
@Command(name = "masks", mixinStandardHelpOptions = true,
        description = {"Time FH against scikit-image (same images, same partitions) and DRFI per image.",
            "With --spark: mask generation on Spark against the threaded local job on the same images."})
public final class BenchMasksCommand implements Callable<Integer> {

    private final MaskGenerationJob job;

    private static final Pattern SKIMAGE_LINE =
            Pattern.compile("skimage .*segments=(\\d+) warmup=(\\d+) runs=(\\d+) median_ms=([0-9.]+)");

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--images", description = "image folder (default: the repository's "
            + RepositoryFiles.FELZENSZWALB_IMAGES + ")")
    Path images;

    @Option(names = "--size", description = "images are resized to size x size (default ${DEFAULT-VALUE})")
    int size = 224;

    @Option(names = "--scale", description = "FH scale (default ${DEFAULT-VALUE})")
    double scale = 300;

    @Option(names = "--sigma", description = "FH sigma (default ${DEFAULT-VALUE})")
    double sigma = 0.8;

    @Option(names = "--min-size", description = "FH min_size (default ${DEFAULT-VALUE})")
    int minSize = 100;

    @Option(names = "--warmup", description = "untimed runs per image before the timed ones, on both sides "
            + "(default ${DEFAULT-VALUE})")
    int warmup = 10;

    @Option(names = "--runs", description = "timed runs per image, on both sides; the median is reported "
            + "(default ${DEFAULT-VALUE})")
    int runs = 15;

    @Option(names = "--python", description = "Python with scikit-image (default ${DEFAULT-VALUE})")
    String python = "/usr/bin/python3";

    @Option(names = "--script", description = "reference script (default: the repository's "
            + RepositoryFiles.SKIMAGE_FELZENSZWALB + ")")
    Path script;

    @Option(names = "--skip-skimage", description = "time only our implementations")
    boolean skipSkimage;

    @Mixin
    SparkOptions sparkOptions = new SparkOptions();

    @Option(names = "--spark-images", paramLabel = "N",
            description = "with --spark: synthetic images masked by each side (default ${DEFAULT-VALUE})")
    int sparkImages = 200;

    @Option(names = "--spark-proposer", paramLabel = "NAME",
            description = "with --spark: the proposer timed (default ${DEFAULT-VALUE})")
    String sparkProposer = "drfi";

    @Option(names = "--threads", description = "with --spark: local worker threads (default: available processors)")
    int threads = Runtime.getRuntime().availableProcessors();

    @Inject
    public BenchMasksCommand(MaskGenerationJob job) {
        this.job = job;
    }

    /** The reference's command line for one image: the same FH parameters, warm-up and timed runs as ours. */
    List<String> skimageCommand(Path png, Path npy) {
        return List.of(python, script.toString(), png.toString(), "--scale", Double.toString(scale), "--sigma",
                Double.toString(sigma), "--min-size", Integer.toString(minSize), "--warmup", Integer.toString(warmup),
                "--runs", Integer.toString(runs), "--out", npy.toString());
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (sparkOptions.settings().isPresent()) {
            SparkMasksBench.run(job, sparkOptions.settings().get(), sparkProposer, sparkImages, size, threads, out);
            return 0;
        }
        if (runs < 1 || warmup < 0) {
            err.println("bench masks: --runs must be >= 1 and --warmup >= 0, got " + runs + " and " + warmup);
            return 2;
        }
        try {
            if (images == null) {
                images = RepositoryFiles.require(RepositoryFiles.FELZENSZWALB_IMAGES, "--images");
            }
            if (script == null && !skipSkimage) {
                script = RepositoryFiles.require(RepositoryFiles.SKIMAGE_FELZENSZWALB, "--script");
            }
        } catch (IllegalStateException e) {
            err.println("bench masks: " + e.getMessage());
            return 2;
        }
        if (!Files.isDirectory(images)) {
            err.println("bench masks: --images " + images + " is not a folder");
            return 2;
        }
        List<Path> files;
        try (var s = Files.list(images)) {
            files = s.filter(p -> p.toString().endsWith(".png") && !p.toString().endsWith(".labels.png")
                    || p.toString().endsWith(".jpg")).sorted().toList();
        }
        if (files.isEmpty()) {
            err.println("bench masks: no PNG/JPEG images in " + images);
            return 2;
        }
        boolean withSkimage = !skipSkimage;
        if (withSkimage && !Files.isRegularFile(script)) {
            err.println("bench masks: reference script " + script + " not found; pass --script or --skip-skimage");
            return 2;
        }
        Path tmp = Files.createTempDirectory("harl-bench-masks");
        out.printf("FH scale=%.0f sigma=%.2f min_size=%d at %dx%d: %d warm-up runs, then median of %d timed "
                + "single-thread runs%s%n", scale, sigma, minSize, size, size, warmup, runs,
                withSkimage ? " (harl and scikit-image alike)" : "");
        out.printf("%-12s %9s %11s %8s %9s %7s%n", "image", "harl ms", "skimage ms", "speedup", "segments", "ARI");
        List<Double> speedups = new ArrayList<>();
        List<Double> cpuTimes = new ArrayList<>();
        List<RgbImage> resized = new ArrayList<>();
        for (Path f : files) {
            RgbImage img = resize(f, size);
            resized.add(img);
            Path png = tmp.resolve(f.getFileName().toString().replaceAll("\\.\\w+$", "") + ".png");
            ImageFiles.writeImage(img, png);
            img = ImageFiles.readImage(png); // the exact 8-bit pixels the reference reads
            for (int i = 0; i < warmup; i++) {
                Felzenszwalb.segment(img, scale, sigma, minSize); // JIT warm-up
            }
            double[] t = new double[runs];
            double[] cpu = new double[runs];
            Segmentation seg = null;
            for (int i = 0; i < runs; i++) {
                long c0 = CpuClock.nanos();
                long t0 = System.nanoTime();
                seg = Felzenszwalb.segment(img, scale, sigma, minSize);
                t[i] = (System.nanoTime() - t0) / 1e6;
                cpu[i] = (CpuClock.nanos() - c0) / 1e6;
            }
            double ours = median(t);
            cpuTimes.add(median(cpu));
            String name = png.getFileName().toString();
            if (withSkimage) {
                Path npy = tmp.resolve(name + ".npy");
                Process p = new ProcessBuilder(skimageCommand(png, npy)).redirectErrorStream(true).start();
                String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
                if (p.waitFor() != 0) {
                    err.println("bench masks: " + python + " " + script + " failed: " + text);
                    return 1;
                }
                Matcher line = SKIMAGE_LINE.matcher(text);
                if (!line.find()) {
                    err.println("bench masks: " + script + " printed no result line:\n" + text);
                    return 1;
                }
                if (Integer.parseInt(line.group(2)) != warmup || Integer.parseInt(line.group(3)) != runs) {
                    err.println("bench masks: " + script + " ran " + line.group(2) + " warm-up and " + line.group(3)
                            + " timed runs, not " + warmup + " and " + runs + ": " + line.group());
                    return 1;
                }
                double ref = Double.parseDouble(line.group(4));
                int[] refLabels = readNpy(npy);
                double ari = AdjustedRand.index(seg.labels(), refLabels);
                speedups.add(ref / ours);
                out.printf("%-12s %9.2f %11.2f %7.1fx %4d/%-4s %7.4f%n", name, ours, ref, ref / ours, seg.count(),
                        line.group(1), ari);
            } else {
                out.printf("%-12s %9.2f %11s %8s %9d %7s%n", name, ours, "-", "-", seg.count(), "-");
            }
            out.flush();
        }
        if (!speedups.isEmpty()) {
            out.printf("FH speed-up over scikit-image: median %.1fx (goal >= 3x)%n",
                    median(speedups.stream().mapToDouble(Double::doubleValue).toArray()));
        }
        out.printf("harl FH thread CPU time: median %.2f ms per image (wall times above include waiting for a core)%n",
                median(cpuTimes.stream().mapToDouble(Double::doubleValue).toArray()));
        benchDrfi(out, resized);
        return 0;
    }

    private void benchDrfi(PrintWriter out, List<RgbImage> imgs) {
        DrfiConfig cfg = DrfiConfig.defaults();
        DrfiProposer drfi = new DrfiProposer(cfg, DrfiProposer.bundledForest());
        out.printf("%nDRFI, %d levels, %dx%d: %d warm-up runs, then median of %d timed single-thread runs, thread "
                + "CPU time (goal <= 60 ms)%n", cfg.levels().size(), size, size, warmup, runs);
        out.printf("%-12s %9s %9s %9s %9s %9s%n", "image", "total ms", "FH ms", "feat ms", "forest ms", "wall ms");
        for (int k = 0; k < imgs.size(); k++) {
            Sample s = new Sample("bench/" + k, imgs.get(k), Optional.empty(), -1);
            for (int i = 0; i < warmup; i++) {
                drfi.saliency(s);
            }
            double[] total = new double[runs];
            double[] fh = new double[runs];
            double[] feat = new double[runs];
            double[] forest = new double[runs];
            double[] wall = new double[runs];
            for (int i = 0; i < runs; i++) {
                long w0 = System.nanoTime();
                DrfiSaliency.Result r = drfi.saliency(s);
                wall[i] = (System.nanoTime() - w0) / 1e6;
                fh[i] = r.segmentNanos() / 1e6;
                feat[i] = r.featureNanos() / 1e6;
                forest[i] = r.forestNanos() / 1e6;
                total[i] = fh[i] + feat[i] + forest[i];
            }
            out.printf("%-12s %9.1f %9.1f %9.1f %9.1f %9.1f%n", "#" + k, median(total), median(fh), median(feat),
                    median(forest), median(wall));
        }
        out.flush();
    }

    static RgbImage resize(Path f, int size) throws IOException {
        BufferedImage src = ImageIO.read(f.toFile());
        if (src == null) {
            throw new IOException(f + ": not a readable image");
        }
        BufferedImage dst = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        dst.getGraphics().drawImage(src.getScaledInstance(size, size, Image.SCALE_AREA_AVERAGING), 0, 0, null);
        return ImageFiles.fromBufferedImage(dst);
    }

    static double median(double[] v) {
        double[] c = v.clone();
        Arrays.sort(c);
        return c[c.length / 2];
    }

    /** Reads a 2-D integer .npy (little-endian int64 or int32), flattened row-major. */
    static int[] readNpy(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        if (b.get(0) != (byte) 0x93 || b.get(1) != 'N') {
            throw new IOException(file + ": not a .npy file");
        }
        int major = b.get(6);
        int headerLen = major == 1 ? Short.toUnsignedInt(b.getShort(8)) : b.getInt(8);
        int start = (major == 1 ? 10 : 12);
        String header = new String(b.array(), start, headerLen, StandardCharsets.ISO_8859_1);
        Matcher d = Pattern.compile("'descr':\\s*'([<|]i[48])'").matcher(header);
        Matcher s = Pattern.compile("'shape':\\s*\\((\\d+),\\s*(\\d+)\\)").matcher(header);
        if (!d.find() || !s.find() || header.contains("'fortran_order': True")) {
            throw new IOException(file + ": unsupported .npy header " + header.trim());
        }
        int n = Integer.parseInt(s.group(1)) * Integer.parseInt(s.group(2));
        int[] out = new int[n];
        b.position(start + headerLen);
        boolean wide = d.group(1).endsWith("8");
        for (int i = 0; i < n; i++) {
            out[i] = wide ? (int) b.getLong() : b.getInt();
        }
        return out;
    }
}
