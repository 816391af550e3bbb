import java.awt.Image;
import java.awt.image.BufferedImage;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.harl.spi.data.ImageFiles;
import org.harl.spi.data.RgbImage;
import org.harl.spi.data.Sample;

/**
 * DRFI per-image time of two builds of the masks plugin in one process, interleaved image by image (A B, then B A
 * the next round) so both see the same machine load: each build in its own class loader over the shared harl-spi.
 * Thread CPU time of one {@code DrfiProposer.saliency} call with the default config and bundled forest, on
 * the bench images resized to 224 px as {@code harl bench masks} does. Prints per-image medians and the ratio.
 * Usage (see drfi-timing.sh): java -cp DEPS DrfiTimingAB.java OLD_CLASSES NEW_CLASSES IMAGES_DIR ROUNDS WARMUP
 */
public class DrfiTimingAB {

    public static void main(String[] args) throws Exception {
        Object[] drfi = {proposer(args[0]), proposer(args[1])};
        File[] files = new File(args[2]).listFiles((d, n) -> n.endsWith(".png") && !n.contains(".labels."));
        Arrays.sort(files);
        int rounds = Integer.parseInt(args[3]);
        int warmup = Integer.parseInt(args[4]);
        List<Sample> samples = new ArrayList<>();
        for (File f : files) {
            BufferedImage src = javax.imageio.ImageIO.read(f);
            BufferedImage dst = new BufferedImage(224, 224, BufferedImage.TYPE_INT_RGB);
            dst.getGraphics().drawImage(src.getScaledInstance(224, 224, Image.SCALE_AREA_AVERAGING), 0, 0, null);
            RgbImage image = ImageFiles.fromBufferedImage(dst);
            samples.add(new Sample("bench/" + f.getName(), image, Optional.empty(), -1));
        }
        Method saliency = drfi[0].getClass().getMethod("saliency", Sample.class);
        Method saliencyNew = drfi[1].getClass().getMethod("saliency", Sample.class);
        ThreadMXBean clock = ManagementFactory.getThreadMXBean();
        double[][][] ms = new double[2][samples.size()][rounds];
        for (int r = -warmup; r < rounds; r++) {
            for (int k = 0; k < samples.size(); k++) {
                for (int turn = 0; turn < 2; turn++) {
                    int v = (r + k + turn) % 2 == 0 ? 0 : 1; // alternate which build goes first
                    long t0 = clock.getCurrentThreadCpuTime();
                    (v == 0 ? saliency : saliencyNew).invoke(drfi[v], samples.get(k));
                    double t = (clock.getCurrentThreadCpuTime() - t0) / 1e6;
                    if (r >= 0) {
                        ms[v][k][r] = t;
                    }
                }
            }
        }
        System.out.printf("DRFI 224x224, default config, bundled forest: median thread CPU ms of %d interleaved runs"
                + " per image (after %d warm-up rounds)%n", rounds, warmup);
        System.out.printf("%-16s %8s %8s %7s%n", "image", "old", "new", "ratio");
        double sumOld = 0;
        double sumNew = 0;
        for (int k = 0; k < samples.size(); k++) {
            double o = median(ms[0][k]);
            double n = median(ms[1][k]);
            sumOld += o;
            sumNew += n;
            System.out.printf("%-16s %8.1f %8.1f %7.3f%n", files[k].getName(), o, n, n / o);
        }
        System.out.printf("%-16s %8.1f %8.1f %7.3f%n", "mean", sumOld / samples.size(), sumNew / samples.size(),
                sumNew / sumOld);
    }

    private static Object proposer(String classes) throws Exception {
        URLClassLoader loader = new URLClassLoader(new URL[] {Path.of(classes).toUri().toURL()},
                DrfiTimingAB.class.getClassLoader());
        Class<?> config = loader.loadClass("org.harl.plugins.masks.DrfiConfig");
        Class<?> forest = loader.loadClass("org.harl.plugins.masks.RegressionForest");
        Class<?> proposer = loader.loadClass("org.harl.plugins.masks.DrfiProposer");
        Object defaults = config.getMethod("defaults").invoke(null);
        Object bundled = proposer.getMethod("bundledForest").invoke(null);
        return proposer.getConstructor(config, forest).newInstance(defaults, bundled);
    }

    private static double median(double[] v) {
        double[] c = v.clone();
        Arrays.sort(c);
        return c.length % 2 == 1 ? c[c.length / 2] : (c[c.length / 2 - 1] + c[c.length / 2]) / 2;
    }
}
