package org.harl.plugins.masks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
        CARTRegressionTrainer cart = new CARTRegressionTrainer(maxDepth, 5f, 0f, fraction, false,
                new MeanSquaredError(), seed);
        RandomForestTrainer<Regressor> rf = new RandomForestTrainer<>(cart, new AveragingCombiner(), trees, seed);
        java.util.logging.Logger tribuoLog = java.util.logging.Logger.getLogger("org.tribuo");
        java.util.logging.Level previous = tribuoLog.getLevel();
        tribuoLog.setLevel(java.util.logging.Level.WARNING); // Tribuo logs every bagged member at INFO
        Model<Regressor> model;
        try {
            model = rf.train(data);
        } finally {
            tribuoLog.setLevel(previous);
        }
        return flatten((EnsembleModel<Regressor>) model, dim);
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
