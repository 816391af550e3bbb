package org.harl.core.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code sweep:} section of an ablation file.
 *
 * <pre>
 * sweep:
 *   grid:     {loss.alpha: [0.5, 1.0], optimizer.base_lr: [0.2, 0.4]}   # cartesian product
 *   zip:      {optimizer.base_lr: [0.2, 0.4], training.batch_size: [256, 512]}   # paired, equal lengths
 *   variants: {byol: {loss: {beta: 1.0}}, harl: {}}                     # named override maps
 *   seeds:    [0, 1, 2]
 * </pre>
 *
 * Keys of {@code grid} and {@code zip} are dotted paths with list indices ({@code augmentation.views.1.p}).
 *
 * @param grid     axis key to its values, in file order
 * @param zip      paired lists, all the same length
 * @param variants name to override tree, in file order
 * @param seeds    seeds, empty to use the experiment's own {@code seed}
 */
public record SweepSpec(Map<String, List<Object>> grid, Map<String, List<Object>> zip,
                        Map<String, Map<String, Object>> variants, List<Long> seeds) {

    private static final Set<String> KEYS = Set.of("grid", "zip", "variants", "seeds");

    /** Parses and checks a {@code sweep:} node; every problem is added to {@code errors}. */
    public static SweepSpec parse(Object node, List<String> errors) {
        Map<String, List<Object>> grid = new LinkedHashMap<>();
        Map<String, List<Object>> zip = new LinkedHashMap<>();
        Map<String, Map<String, Object>> variants = new LinkedHashMap<>();
        List<Long> seeds = new ArrayList<>();
        if (!(node instanceof Map<?, ?> map)) {
            errors.add("sweep: must be a map with grid, zip, variants and/or seeds, got " + describe(node));
            return new SweepSpec(grid, zip, variants, seeds);
        }
        for (Object key : map.keySet()) {
            if (!KEYS.contains(String.valueOf(key))) {
                errors.add("sweep." + key + ": unknown key; known keys: grid, zip, variants, seeds");
            }
        }
        axes(map.get("grid"), "grid", grid, errors);
        axes(map.get("zip"), "zip", zip, errors);
        if (!zip.isEmpty()) {
            int expected = zip.values().iterator().next().size();
            String first = zip.keySet().iterator().next();
            zip.forEach((k, v) -> {
                if (v.size() != expected) {
                    errors.add("sweep.zip." + k + ": has " + v.size() + " values but '" + first + "' has "
                            + expected + "; zip pairs lists of equal length");
                }
            });
        }
        for (String k : grid.keySet()) {
            if (zip.containsKey(k)) {
                errors.add("sweep: '" + k + "' is in both grid and zip");
            }
        }
        Object v = map.get("variants");
        if (v != null) {
            if (v instanceof Map<?, ?> vm && !vm.isEmpty()) {
                vm.forEach((name, overrides) -> {
                    if (overrides == null) {
                        variants.put(String.valueOf(name), Map.of());
                    } else if (overrides instanceof Map<?, ?> om) {
                        variants.put(String.valueOf(name), Trees.stringKeys(om));
                    } else {
                        errors.add("sweep.variants." + name + ": must be a map of overrides, got "
                                + describe(overrides));
                    }
                });
            } else {
                errors.add("sweep.variants: must be a non-empty map of name to overrides, got " + describe(v));
            }
        }
        Object s = map.get("seeds");
        if (s != null) {
            if (s instanceof List<?> list && !list.isEmpty()) {
                for (Object seed : list) {
                    if (seed instanceof Integer || seed instanceof Long) {
                        if (seeds.contains(((Number) seed).longValue())) {
                            errors.add("sweep.seeds: seed " + seed + " is listed twice");
                        }
                        seeds.add(((Number) seed).longValue());
                    } else {
                        errors.add("sweep.seeds: seeds must be integers, got " + describe(seed));
                    }
                }
            } else {
                errors.add("sweep.seeds: must be a non-empty list of integers, got " + describe(s));
            }
        }
        return new SweepSpec(grid, zip, variants, seeds);
    }

    private static void axes(Object node, String section, Map<String, List<Object>> into, List<String> errors) {
        if (node == null) {
            return;
        }
        if (!(node instanceof Map<?, ?> map) || map.isEmpty()) {
            errors.add("sweep." + section + ": must be a non-empty map of dotted key to a list of values, got "
                    + describe(node));
            return;
        }
        map.forEach((key, values) -> {
            if (values instanceof List<?> list && !list.isEmpty()) {
                into.put(String.valueOf(key), new ArrayList<>(list));
            } else {
                errors.add("sweep." + section + "." + key + ": must be a non-empty list of values, got "
                        + describe(values));
            }
        });
    }

    static String describe(Object node) {
        if (node == null) {
            return "nothing";
        }
        String text = String.valueOf(node);
        return (text.length() > 60 ? text.substring(0, 57) + "..." : text) + " ("
                + node.getClass().getSimpleName() + ")";
    }
}
