package org.harl.core.sweep;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.harl.core.config.ConfigErrors;
import org.harl.core.config.ConfigException;
import org.harl.core.config.ConfigNode;
import org.harl.core.config.ConfigNode.MapNode;
import org.harl.core.config.ConfigNode.ScalarNode;
import org.harl.core.config.Origin;
import org.harl.core.config.TreeOps;

/**
 * Expands an ablation tree ({@code sweep:} plus the experiment it varies, {@code base:} already merged) into one tree
 * per run: variants (outer) x grid (cartesian, in file order) x zip (paired) x seeds. Variants merge like a
 * {@code base:} (maps merge, lists replace, a changed {@code type:} replaces the component); grid and zip values are
 * set at their dotted keys. Values keep their positions, so binding errors point into the ablation file. All errors
 * are thrown together as a {@link ConfigException}.
 */
public final class SweepExpander {

    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._=,+-]");

    private SweepExpander() {
    }

    /**
     * @param sweepName the sweep name (the ablation file's name without extension)
     * @param tree      the merged tree with its {@code sweep:} section (removed from the runs' trees)
     */
    public static List<ExpandedRun> expand(String sweepName, MapNode tree) {
        ConfigErrors errors = new ConfigErrors();
        if (sweepName.isEmpty() || UNSAFE.matcher(sweepName).find() || sweepName.contains(",")
                || sweepName.contains("=")) {
            errors.add(tree.origin(), "", "sweep name '" + sweepName + "' may only contain letters, digits and "
                    + ". _ - + (it names the sweep directory); rename the file");
        }
        MapNode base = tree.without(ExperimentFiles.SWEEP);
        ConfigNode sweepNode = tree.get(ExperimentFiles.SWEEP);
        SweepSpec spec = sweepNode == null ? new SweepSpec(List.of(), List.of(), Map.of(), List.of())
                : SweepSpec.parse(sweepNode, errors);
        List<Long> defaultSeeds = List.of(defaultSeed(base, errors));
        errors.throwIfAny();

        Map<String, String> labels = axisLabels(spec);
        Map<String, MapNode> variants = spec.variants().isEmpty()
                ? Map.of("", MapNode.empty(tree.origin())) : spec.variants();
        List<ExpandedRun> runs = new ArrayList<>();
        Set<String> settings = new LinkedHashSet<>();
        for (Map.Entry<String, MapNode> variant : variants.entrySet()) {
            MapNode variantTree = (MapNode) TreeOps.merge(base, variant.getValue());
            for (List<Assignment> point : points(spec)) {
                String setting = settingName(variant.getKey(), point, labels);
                if (!settings.add(setting)) {
                    errors.add(tree.origin(), "sweep", "two settings share the name '" + setting
                            + "'; make the variant names or values distinct");
                    continue;
                }
                MapNode settingTree = variantTree;
                try {
                    for (Assignment a : point) {
                        settingTree = TreeOps.set(settingTree, a.axis().key(), a.value(), a.axis().origin());
                    }
                } catch (ConfigException e) {
                    errors.addAll(e);
                    continue;
                }
                List<Long> seeds = spec.seedsOf(variant.getKey());
                for (long seed : seeds.isEmpty() ? defaultSeeds : seeds) {
                    runs.add(run(sweepName, setting, seed, settingTree, tree.origin(), spec.evaluations()));
                }
            }
        }
        if (spec.baseline() != null && !settings.contains(spec.baseline())) {
            Origin at = sweepNode instanceof MapNode m ? m.keyOrigin("baseline") : tree.origin();
            errors.add(at, "sweep.baseline", "no setting '" + spec.baseline() + "'; settings: "
                    + String.join(", ", settings));
        }
        errors.throwIfAny();
        return runs;
    }

    private static ExpandedRun run(String sweep, String setting, long seed, MapNode settingTree, Origin origin,
                                   List<String> evaluations) {
        String name = new ExpandedRun(sweep, setting, seed, settingTree).name();
        MapNode tree = settingTree
                .with("seed", new ScalarNode(seed, Long.toString(seed), origin), origin)
                .with("name", new ScalarNode(name, name, origin), origin);
        return new ExpandedRun(sweep, setting, seed, tree, evaluations);
    }

    /** One value for one axis. */
    private record Assignment(SweepSpec.Axis axis, ConfigNode value) {
    }

    /** The grid's cartesian product, each point extended by the zip's paired values. */
    private static List<List<Assignment>> points(SweepSpec spec) {
        List<List<Assignment>> points = new ArrayList<>();
        points.add(List.of());
        for (SweepSpec.Axis axis : spec.grid()) {
            List<List<Assignment>> next = new ArrayList<>();
            for (List<Assignment> p : points) {
                for (ConfigNode value : axis.values()) {
                    List<Assignment> q = new ArrayList<>(p);
                    q.add(new Assignment(axis, value));
                    next.add(q);
                }
            }
            points = next;
        }
        if (!spec.zip().isEmpty()) {
            int length = spec.zip().get(0).values().size();
            List<List<Assignment>> next = new ArrayList<>();
            for (List<Assignment> p : points) {
                for (int i = 0; i < length; i++) {
                    List<Assignment> q = new ArrayList<>(p);
                    for (SweepSpec.Axis axis : spec.zip()) {
                        q.add(new Assignment(axis, axis.values().get(i)));
                    }
                    next.add(q);
                }
            }
            points = next;
        }
        return points;
    }

    /** Short labels for setting names: the last key segment, or the full key where two axes share it. */
    private static Map<String, String> axisLabels(SweepSpec spec) {
        List<String> keys = new ArrayList<>();
        spec.grid().forEach(a -> keys.add(a.key()));
        spec.zip().forEach(a -> keys.add(a.key()));
        Map<String, Integer> counts = new HashMap<>();
        keys.forEach(k -> counts.merge(last(k), 1, Integer::sum));
        Map<String, String> labels = new LinkedHashMap<>();
        keys.forEach(k -> labels.put(k, counts.get(last(k)) > 1 ? k : last(k)));
        return labels;
    }

    private static String last(String key) {
        return key.substring(key.lastIndexOf('.') + 1);
    }

    private static String settingName(String variant, List<Assignment> point, Map<String, String> labels) {
        List<String> parts = new ArrayList<>();
        if (!variant.isEmpty()) {
            parts.add(variant);
        }
        for (Assignment a : point) {
            String value = a.value() instanceof ScalarNode s ? s.text() : String.valueOf(a.value().toPlain());
            parts.add(labels.get(a.axis().key()) + "=" + value);
        }
        String name = parts.isEmpty() ? "base" : String.join(",", parts);
        return UNSAFE.matcher(name.replace(' ', '_')).replaceAll("");
    }

    private static long defaultSeed(MapNode base, ConfigErrors errors) {
        ConfigNode seed = base.get("seed");
        if (seed == null) {
            return 0;
        }
        if (seed instanceof ScalarNode s && s.value() instanceof Long l) {
            return l;
        }
        errors.add(seed.origin(), "seed", "must be an integer");
        return 0;
    }
}
