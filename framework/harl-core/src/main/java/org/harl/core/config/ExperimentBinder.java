package org.harl.core.config;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.harl.core.config.ConfigNode.ListNode;
import org.harl.core.config.ConfigNode.MapNode;
import org.harl.core.config.ConfigNode.ScalarNode;
import org.harl.spi.ComponentKind;

/**
 * Binds a resolved experiment tree (base merged, overrides applied) into an {@link ExperimentConfig}, collecting
 * every error, and builds the resolved tree with all defaults filled in.
 */
@Singleton
public final class ExperimentBinder {

    /** The {@code logging:} trackers used when the section is omitted. */
    public static final List<String> DEFAULT_LOGGING = List.of("console", "jsonl");

    /** Every top-level key, in the order the resolved config is written. */
    public static final List<String> KEYS = List.of("base", "name", "description", "seed", "dataset", "backbone",
            "augmentation", "mask_proposer", "loss", "training", "optimizer", "heads", "monitor", "logging");

    private final ComponentBinder components;
    private final RecordBinder records = new RecordBinder();

    @Inject
    public ExperimentBinder(ComponentBinder components) {
        this.components = components;
    }

    /** Binds {@code root}; throws a {@link ConfigException} with every error found. */
    public ExperimentConfig bind(MapNode root, Path source) {
        ConfigErrors errors = new ConfigErrors();
        for (Map.Entry<String, ConfigNode> e : root.values().entrySet()) {
            String key = e.getKey();
            if (key.equals("sweep")) {
                errors.add(root.keyOrigin(key), key, "this file is an ablation (it has a sweep: section); "
                        + "run it with 'harl sweep', or check it with 'harl config check'");
            } else if (key.equals("base")) {
                errors.add(root.keyOrigin(key), key, "base: is resolved when a file is loaded; "
                        + "a tree bound in memory must already be merged");
            } else if (!KEYS.contains(key)) {
                errors.add(root.keyOrigin(key), key, "unknown key '" + key + "';" + Suggestions.didYouMean(key, KEYS)
                        + " valid keys: " + String.join(", ", KEYS.subList(1, KEYS.size())));
            }
        }
        String name = string(root, "name", true, errors);
        String description = string(root, "description", false, errors);
        Long seed = (Long) scalar(root, "seed", long.class, 0L, errors);
        ComponentSpec dataset = component(root, ComponentKind.DATASET, true, errors);
        ComponentSpec backbone = component(root, ComponentKind.BACKBONE, true, errors);
        ComponentSpec augmentation = component(root, ComponentKind.AUGMENTATION, true, errors);
        ComponentSpec maskProposer = component(root, ComponentKind.MASK_PROPOSER, false, errors);
        ComponentSpec loss = component(root, ComponentKind.LOSS, true, errors);
        TrainingConfig training = section(root, "training", TrainingConfig.class, TrainingConfig::defaults, errors);
        OptimizerConfig optimizer = section(root, "optimizer", OptimizerConfig.class, OptimizerConfig::defaults,
                errors);
        HeadsConfig heads = section(root, "heads", HeadsConfig.class, HeadsConfig::defaults, errors);
        MonitorConfig monitor = section(root, "monitor", MonitorConfig.class, MonitorConfig::defaults, errors);
        List<ComponentSpec> logging = logging(root, errors);
        errors.throwIfAny();

        Map<String, Object> resolved = new LinkedHashMap<>();
        resolved.put("name", name);
        if (description != null) {
            resolved.put("description", description);
        }
        resolved.put("seed", seed);
        resolved.put("dataset", dataset.raw());
        resolved.put("backbone", backbone.raw());
        resolved.put("augmentation", augmentation.raw());
        if (maskProposer != null) {
            resolved.put("mask_proposer", maskProposer.raw());
        }
        resolved.put("loss", loss.raw());
        resolved.put("training", RecordSchema.plain(training));
        resolved.put("optimizer", RecordSchema.plain(optimizer));
        resolved.put("heads", RecordSchema.plain(heads));
        resolved.put("monitor", RecordSchema.plain(monitor));
        resolved.put("logging", logging.stream().map(ComponentSpec::raw).toList());
        return new ExperimentConfig(name, seed, dataset, backbone, augmentation, Optional.ofNullable(maskProposer),
                loss, training, optimizer, heads, monitor, logging, resolved, source);
    }

    private String string(MapNode root, String key, boolean required, ConfigErrors errors) {
        ConfigNode node = root.get(key);
        if (node == null || node instanceof ScalarNode s && s.value() == null) {
            if (required) {
                errors.add(root.origin(), key, "missing required key '" + key + "' (string)");
            }
            return null;
        }
        String value = (String) records.bindValue(String.class, null, node, key, errors);
        if (required && value != null && value.isBlank()) {
            errors.add(node.origin(), key, "must not be empty");
        }
        if (key.equals("name") && value != null && !validRunName(value)) {
            errors.add(node.origin(), key, "'" + value + "' cannot name a run directory: use letters, digits and "
                    + "._-=, with / between parts, no '..' and no leading /");
        }
        return value;
    }

    /** Names become directories under the runs root, so they must stay inside it. */
    private static boolean validRunName(String name) {
        return name.matches("[A-Za-z0-9._=,+-]+(/[A-Za-z0-9._=,+-]+)*")
                && List.of(name.split("/")).stream().noneMatch(p -> p.equals("..") || p.equals("."));
    }

    private Object scalar(MapNode root, String key, Class<?> type, Object def, ConfigErrors errors) {
        ConfigNode node = root.get(key);
        if (node == null || node instanceof ScalarNode s && s.value() == null) {
            return def;
        }
        Object v = records.bindValue(type, def, node, key, errors);
        return v == null ? def : v;
    }

    private ComponentSpec component(MapNode root, ComponentKind kind, boolean required, ConfigErrors errors) {
        ConfigNode node = root.get(kind.key());
        if (node == null || node instanceof ScalarNode s && s.value() == null) {
            if (required) {
                errors.add(root.origin(), kind.key(), "missing required key '" + kind.key() + "'; registered "
                        + kind.key() + " names: " + String.join(", ", components.catalog().names(kind)));
            }
            return null;
        }
        return components.bind(kind, node, kind.key(), errors);
    }

    private <R extends Record> R section(MapNode root, String key, Class<R> type, Supplier<R> defaults,
                                         ConfigErrors errors) {
        return records.bind(type, defaults.get(), root.get(key), key, errors);
    }

    private List<ComponentSpec> logging(MapNode root, ConfigErrors errors) {
        ConfigNode node = root.get("logging");
        if (node == null) {
            node = ConfigNode.fromPlain(DEFAULT_LOGGING, Origin.of("default logging " + DEFAULT_LOGGING));
        }
        if (node instanceof ScalarNode s && s.value() == null) {
            return List.of();
        }
        if (!(node instanceof ListNode list)) {
            errors.add(node.origin(), "logging", "expected a list of trackers, e.g. [console, jsonl]");
            return List.of();
        }
        List<ComponentSpec> out = new ArrayList<>();
        for (int i = 0; i < list.items().size(); i++) {
            ComponentSpec spec = components.bind(ComponentKind.TRACKER, list.items().get(i), "logging." + i, errors);
            if (spec != null) {
                out.add(spec);
            }
        }
        return out;
    }
}
