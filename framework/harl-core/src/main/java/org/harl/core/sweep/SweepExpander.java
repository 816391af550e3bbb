package org.harl.core.sweep;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Expands an ablation tree ({@code sweep:} plus the experiment it varies, {@code base:} already merged) into one tree
 * per run: variants (outer) x grid (cartesian, in file order) x zip (paired) x seeds. All errors are collected and
 * thrown together as a {@link SweepException}.
 */
public final class SweepExpander {

    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._=,+-]");

    private SweepExpander() {
    }

    /**
     * @param sweepName the sweep name (the ablation file's name without extension)
     * @param tree      the merged tree; its {@code sweep:} section is removed from the runs' trees
     * @param file      the file name for error messages
     */
    public static List<ExpandedRun> expand(String sweepName, Map<String, Object> tree, String file) {
        List<String> errors = new ArrayList<>();
        if (!UNSAFE.matcher(sweepName).replaceAll("").equals(sweepName) || sweepName.isEmpty()) {
            errors.add("sweep name '" + sweepName + "' may only contain letters, digits and . _ - (it names a "
                    + "directory)");
        }
        Map<String, Object> base = Trees.stringKeys(tree);
        Object sweepNode = base.remove("sweep");
        SweepSpec spec = sweepNode == null ? new SweepSpec(Map.of(), Map.of(), Map.of(), List.of())
                : SweepSpec.parse(sweepNode, errors);
        if (!errors.isEmpty()) {
            throw new SweepException(file, errors);
        }
        Map<String, String> labels = axisLabels(spec);
        List<Map<String, Object>> points = points(spec);
        List<Long> seeds = spec.seeds().isEmpty() ? List.of(defaultSeed(base, errors)) : spec.seeds();
        List<Map.Entry<String, Map<String, Object>>> variantList = spec.variants().isEmpty()
                ? List.of(Map.entry("", Map.<String, Object>of()))
                : new ArrayList<>(spec.variants().entrySet());
        List<ExpandedRun> runs = new ArrayList<>();
        Set<String> settings = new LinkedHashSet<>();
        for (Map.Entry<String, Map<String, Object>> variant : variantList) {
            for (Map<String, Object> point : points) {
                String setting = settingName(variant.getKey(), point, labels);
                if (!settings.add(setting)) {
                    errors.add("two settings share the name '" + setting + "'; make the variant names or values "
                            + "distinct");
                    continue;
                }
                Map<String, Object> settingTree = Trees.stringKeys(base);
                Trees.merge(settingTree, variant.getValue());
                boolean ok = true;
                for (Map.Entry<String, Object> axis : point.entrySet()) {
                    try {
                        Trees.set(settingTree, axis.getKey(), axis.getValue());
                    } catch (IllegalArgumentException e) {
                        errors.add("setting " + setting + ": " + e.getMessage());
                        ok = false;
                    }
                }
                if (!ok) {
                    continue;
                }
                for (long seed : seeds) {
                    Map<String, Object> runTree = Trees.stringKeys(settingTree);
                    ExpandedRun run = new ExpandedRun(sweepName, setting, seed, runTree);
                    runTree.put("seed", seed);
                    runTree.put("name", run.name());
                    runs.add(run);
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new SweepException(file, errors);
        }
        return runs;
    }

    /** The grid's cartesian product, each point extended by the zip's paired values. */
    private static List<Map<String, Object>> points(SweepSpec spec) {
        List<Map<String, Object>> points = new ArrayList<>();
        points.add(new LinkedHashMap<>());
        for (Map.Entry<String, List<Object>> axis : spec.grid().entrySet()) {
            List<Map<String, Object>> next = new ArrayList<>();
            for (Map<String, Object> p : points) {
                for (Object value : axis.getValue()) {
                    Map<String, Object> q = new LinkedHashMap<>(p);
                    q.put(axis.getKey(), value);
                    next.add(q);
                }
            }
            points = next;
        }
        if (!spec.zip().isEmpty()) {
            int length = spec.zip().values().iterator().next().size();
            List<Map<String, Object>> next = new ArrayList<>();
            for (Map<String, Object> p : points) {
                for (int i = 0; i < length; i++) {
                    Map<String, Object> q = new LinkedHashMap<>(p);
                    for (Map.Entry<String, List<Object>> axis : spec.zip().entrySet()) {
                        q.put(axis.getKey(), axis.getValue().get(i));
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
        List<String> keys = new ArrayList<>(spec.grid().keySet());
        keys.addAll(spec.zip().keySet());
        Map<String, Integer> counts = new HashMap<>();
        keys.forEach(k -> counts.merge(last(k), 1, Integer::sum));
        Map<String, String> labels = new HashMap<>();
        keys.forEach(k -> labels.put(k, counts.get(last(k)) > 1 ? k : last(k)));
        return labels;
    }

    private static String last(String key) {
        return key.substring(key.lastIndexOf('.') + 1);
    }

    private static String settingName(String variant, Map<String, Object> point, Map<String, String> labels) {
        List<String> parts = new ArrayList<>();
        if (!variant.isEmpty()) {
            parts.add(variant);
        }
        point.forEach((k, v) -> parts.add(labels.get(k) + "=" + v));
        String name = parts.isEmpty() ? "base" : String.join(",", parts);
        return UNSAFE.matcher(name.replace(' ', '_')).replaceAll("");
    }

    private static long defaultSeed(Map<String, Object> base, List<String> errors) {
        Object seed = base.get("seed");
        if (seed == null) {
            return 0;
        }
        if (seed instanceof Integer || seed instanceof Long) {
            return ((Number) seed).longValue();
        }
        errors.add("seed: must be an integer, got " + SweepSpec.describe(seed));
        return 0;
    }
}
