package org.harl.core.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.harl.core.config.ConfigErrors;
import org.harl.core.config.ConfigNode;
import org.harl.core.config.ConfigNode.ListNode;
import org.harl.core.config.ConfigNode.MapNode;
import org.harl.core.config.ConfigNode.ScalarNode;
import org.harl.core.config.Origin;

/**
 * The {@code sweep:} section of an ablation file.
 *
 * <pre>
 * sweep:
 *   grid:     {loss.alpha: [0.5, 1.0], optimizer.base_lr: [0.2, 0.4]}   # cartesian product
 *   zip:      {optimizer.base_lr: [0.2, 0.4], training.batch_size: [256, 512]}   # paired, equal lengths
 *   variants: {byol: {loss: {type: byol}}, harl: {}}                    # named override maps
 *   seeds:    [0, 1, 2]
 *   evaluations: [linear, knn, semi, segment, detect]               # after each run; default [linear, knn]
 *   variant_seeds: {harl: [0, 1, 2]}     # a variant's own seeds, instead of seeds
 *   baseline: byol                        # results.md adds each setting's paired difference to this setting
 *   record: ../docs/results/my_sweep      # finished runs' results, to commit; runs found there are not retrained
 * </pre>
 *
 * Keys of {@code grid} and {@code zip} are dotted paths with list indices ({@code logging.0.type}).
 *
 * @param grid     axes of the cartesian product, in file order
 * @param zip      paired axes, all of the same length
 * @param variants name to override tree, in file order
 * @param seeds    seeds, empty to use the experiment's own {@code seed}
 * @param evaluations what runs after each run ({@link SweepEvaluations})
 * @param variantSeeds a variant's own seeds, replacing {@code seeds} for it
 * @param baseline  the setting results.md pairs every other setting with, or null
 * @param record    the record folder ({@link RunRecords}) as written, relative to the ablation file, or null
 */
public record SweepSpec(List<Axis> grid, List<Axis> zip, Map<String, MapNode> variants, List<Long> seeds,
                        List<String> evaluations, Map<String, List<Long>> variantSeeds, String baseline,
                        String record) {

    /** A sweep with the default evaluations. */
    public SweepSpec(List<Axis> grid, List<Axis> zip, Map<String, MapNode> variants, List<Long> seeds) {
        this(grid, zip, variants, seeds, SweepEvaluations.DEFAULT, Map.of(), null, null);
    }

    /** The seeds of a variant ({@code ""} when the sweep has none): its own, else the sweep's. */
    public List<Long> seedsOf(String variant) {
        return variantSeeds.getOrDefault(variant, seeds);
    }

    /** One swept key: its dotted path, where the key is written, and its values. */
    public record Axis(String key, Origin origin, List<ConfigNode> values) {
    }

    private static final Set<String> KEYS = Set.of("grid", "zip", "variants", "seeds", "evaluations",
            "variant_seeds", "baseline", "record");

    /** Parses and checks a {@code sweep:} node; every problem is added to {@code errors}. */
    public static SweepSpec parse(ConfigNode node, ConfigErrors errors) {
        List<Axis> grid = new ArrayList<>();
        List<Axis> zip = new ArrayList<>();
        Map<String, MapNode> variants = new LinkedHashMap<>();
        List<Long> seeds = new ArrayList<>();
        if (!(node instanceof MapNode map)) {
            errors.add(node.origin(), "sweep", "must be a map with grid, zip, variants and/or seeds");
            return new SweepSpec(grid, zip, variants, seeds);
        }
        for (String key : map.values().keySet()) {
            if (!KEYS.contains(key)) {
                errors.add(map.keyOrigin(key), "sweep." + key, "unknown key; known keys: " + String.join(", ", new java.util.TreeSet<>(KEYS)));
            }
        }
        axes(map, "grid", grid, errors);
        axes(map, "zip", zip, errors);
        for (Axis a : zip) {
            Axis first = zip.get(0);
            if (a.values().size() != first.values().size()) {
                errors.add(a.origin(), "sweep.zip." + a.key(), "has " + a.values().size() + " values but '"
                        + first.key() + "' has " + first.values().size() + "; zip pairs lists of equal length");
            }
        }
        for (Axis a : zip) {
            if (grid.stream().anyMatch(g -> g.key().equals(a.key()))) {
                errors.add(a.origin(), "sweep.zip." + a.key(), "is also a grid axis");
            }
        }
        ConfigNode v = map.get("variants");
        if (v != null) {
            if (v instanceof MapNode vm && !vm.values().isEmpty()) {
                vm.values().forEach((name, overrides) -> {
                    if (overrides instanceof MapNode om) {
                        variants.put(name, om);
                    } else if (overrides instanceof ScalarNode s && s.value() == null) {
                        variants.put(name, MapNode.empty(s.origin()));
                    } else {
                        errors.add(overrides.origin(), "sweep.variants." + name, "must be a map of overrides");
                    }
                });
            } else {
                errors.add(v.origin(), "sweep.variants", "must be a non-empty map of name to overrides");
            }
        }
        ConfigNode s = map.get("seeds");
        if (s != null) {
            seeds.addAll(seedList(s, "sweep.seeds", errors));
        }
        Map<String, List<Long>> variantSeeds = new LinkedHashMap<>();
        ConfigNode vs = map.get("variant_seeds");
        if (vs instanceof MapNode vsm && !vsm.values().isEmpty()) {
            vsm.values().forEach((name, list) -> {
                if (!variants.containsKey(name)) {
                    errors.add(vsm.keyOrigin(name), "sweep.variant_seeds." + name, "no variant '" + name
                            + "'; variants: " + String.join(", ", variants.keySet()));
                }
                variantSeeds.put(name, seedList(list, "sweep.variant_seeds." + name, errors));
            });
        } else if (vs != null) {
            errors.add(vs.origin(), "sweep.variant_seeds", "must be a non-empty map of variant name to seeds");
        }
        String baseline = text(map, "baseline", errors);
        String record = text(map, "record", errors);
        ConfigNode e = map.get("evaluations");
        List<String> evaluations = e == null ? SweepEvaluations.DEFAULT : SweepEvaluations.parse(e, errors);
        return new SweepSpec(grid, zip, variants, seeds, evaluations, variantSeeds, baseline, record);
    }

    private static List<Long> seedList(ConfigNode node, String key, ConfigErrors errors) {
        List<Long> seeds = new ArrayList<>();
        if (node instanceof ListNode list && !list.items().isEmpty()) {
            for (ConfigNode seed : list.items()) {
                if (seed instanceof ScalarNode sc && sc.value() instanceof Long l) {
                    if (seeds.contains(l)) {
                        errors.add(seed.origin(), key, "seed " + l + " is listed twice");
                    }
                    seeds.add(l);
                } else {
                    errors.add(seed.origin(), key, "seeds must be integers, got '" + seed.toPlain() + "'");
                }
            }
        } else {
            errors.add(node.origin(), key, "must be a non-empty list of integers");
        }
        return seeds;
    }

    private static String text(MapNode map, String key, ConfigErrors errors) {
        ConfigNode node = map.get(key);
        if (node == null) {
            return null;
        }
        if (node instanceof ScalarNode sc && sc.value() instanceof String str && !str.isBlank()) {
            return str;
        }
        errors.add(node.origin(), "sweep." + key, "must be a non-empty string");
        return null;
    }

    private static void axes(MapNode sweep, String section, List<Axis> into, ConfigErrors errors) {
        ConfigNode node = sweep.get(section);
        if (node == null) {
            return;
        }
        if (!(node instanceof MapNode map) || map.values().isEmpty()) {
            errors.add(node.origin(), "sweep." + section, "must be a non-empty map of dotted key to a list of values");
            return;
        }
        map.values().forEach((key, values) -> {
            if (values instanceof ListNode list && !list.items().isEmpty()) {
                into.add(new Axis(key, map.keyOrigin(key), list.items()));
            } else {
                errors.add(values.origin(), "sweep." + section + "." + key, "must be a non-empty list of values");
            }
        });
    }
}
