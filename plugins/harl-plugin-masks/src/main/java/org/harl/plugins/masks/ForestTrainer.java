package org.harl.plugins.masks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.common.tree.LeafNode;
import org.tribuo.common.tree.Node;
import org.tribuo.common.tree.RandomForestTrainer;
import org.tribuo.common.tree.SplitNode;
import org.tribuo.common.tree.TreeModel;
import org.tribuo.ensemble.EnsembleModel;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.ensemble.AveragingCombiner;
import org.tribuo.regression.rtree.CARTRegressionTrainer;
import org.tribuo.regression.rtree.impurity.MeanSquaredError;

/** Trains a random-forest regressor with Tribuo (CART trees, bagging, feature subsampling) and flattens it. */
final class ForestTrainer {

    private static final String OUTPUT = "saliency";
    /** Trees per parallel task. */
    private static final int CHUNK = 5;

    private ForestTrainer() {
    }

    /**
     * @param rows     feature vectors, all of the same length
     * @param targets  regression targets (0/1 labels)
     * @param trees    number of trees
     * @param maxDepth depth limit (keeps the shipped resource small)
     * @param mtry     features tried per split (DRFI: 15)
     */
    static RegressionForest train(List<double[]> rows, List<Double> targets, int trees, int maxDepth, int mtry,
            long seed) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("no training regions");
        }
        int dim = rows.get(0).length;
        String[] names = new String[dim];
        for (int i = 0; i < dim; i++) {
            names[i] = String.format("f%03d", i);
        }
        MutableDataset<Regressor> data = new MutableDataset<>(
                new SimpleDataSourceProvenance("drfi regions", new RegressionFactory()), new RegressionFactory());
        for (int i = 0; i < rows.size(); i++) {
            data.add(new ArrayExample<>(new Regressor(OUTPUT, targets.get(i)), names, rows.get(i)));
        }
        float fraction = Math.min(1f, mtry / (float) dim);
        java.util.logging.Logger tribuoLog = java.util.logging.Logger.getLogger("org.tribuo");
        java.util.logging.Level previous = tribuoLog.getLevel();
        tribuoLog.setLevel(java.util.logging.Level.WARNING); // Tribuo logs every bagged member at INFO
        // Tribuo bags sequentially; fixed-size chunks of trees, each its own seeded forest, train in parallel and
        // give the same forest for any thread count.
        int chunks = (trees + CHUNK - 1) / CHUNK;
        ExecutorService pool = Executors.newFixedThreadPool(
                Math.max(1, Math.min(chunks, Runtime.getRuntime().availableProcessors())));
        try {
            List<Future<RegressionForest>> parts = new ArrayList<>();
            for (int c = 0; c < chunks; c++) {
                int size = Math.min(CHUNK, trees - c * CHUNK);
                long chunkSeed = seed + 7919L * c;
                parts.add(pool.submit(() -> {
                    CARTRegressionTrainer cart = new CARTRegressionTrainer(maxDepth, 5f, 0f, fraction, false,
                            new MeanSquaredError(), chunkSeed);
                    RandomForestTrainer<Regressor> rf = new RandomForestTrainer<>(cart, new AveragingCombiner(), size,
                            chunkSeed);
                    return flatten((EnsembleModel<Regressor>) rf.train(data), dim);
                }));
            }
            List<RegressionForest> done = new ArrayList<>();
            for (Future<RegressionForest> f : parts) {
                done.add(f.get());
            }
            return RegressionForest.concat(done);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("forest training interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("forest training failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdown();
            tribuoLog.setLevel(previous);
        }
    }

    private static RegressionForest flatten(EnsembleModel<Regressor> ensemble, int dim) {
        List<Model<Regressor>> members = ensemble.getModels();
        short[][] f = new short[members.size()][];
        float[][] v = new float[members.size()][];
        int[][] l = new int[members.size()][];
        int[][] r = new int[members.size()][];
        for (int t = 0; t < members.size(); t++) {
            TreeModel<Regressor> tree = (TreeModel<Regressor>) members.get(t);
            Map<String, Node<Regressor>> roots = ((org.tribuo.regression.rtree.IndependentRegressionTreeModel) tree)
                    .getRoots();
            Node<Regressor> root = roots.get(OUTPUT);
            List<Node<Regressor>> order = new ArrayList<>();
            order.add(root);
            for (int i = 0; i < order.size(); i++) { // breadth-first: children always after their parent
                if (order.get(i) instanceof SplitNode<Regressor> s) {
                    order.add(s.getLessThanOrEqual());
                    order.add(s.getGreaterThan());
                }
            }
            int n = order.size();
            f[t] = new short[n];
            v[t] = new float[n];
            l[t] = new int[n];
            r[t] = new int[n];
            int next = 1;
            for (int i = 0; i < n; i++) {
                Node<Regressor> node = order.get(i);
                if (node instanceof SplitNode<Regressor> s) {
                    String name = tree.getFeatureIDMap().get(s.getFeatureID()).getName();
                    f[t][i] = Short.parseShort(name.substring(1));
                    v[t][i] = (float) s.splitValue();
                    l[t][i] = next++;
                    r[t][i] = next++;
                } else {
                    f[t][i] = -1;
                    v[t][i] = (float) ((LeafNode<Regressor>) node).getOutput().getValues()[0];
                }
            }
        }
        return new RegressionForest(dim, f, v, l, r);
    }
}
