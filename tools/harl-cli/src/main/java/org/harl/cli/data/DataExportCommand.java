package org.harl.cli.data;

import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.harl.core.config.ComponentBinder;
import org.harl.core.config.ComponentSpec;
import org.harl.core.registry.PluginContexts;
import org.harl.spi.ComponentKind;
import org.harl.spi.data.DatasetSource;
import org.harl.spi.data.Split;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code harl data export --dataset NAME [--set k=v]... --out DIR}: writes {@code DIR/images/<class>/<id>.png} and
 * {@code DIR/masks/<class>/<id>.png} so the data can be looked at (and read back with {@code image_folder}).
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write a dataset split as PNG images and masks in class folders.")
public final class DataExportCommand implements Callable<Integer> {

    private final ComponentBinder binder;
    private final PluginContexts contexts;

    @Spec
    CommandSpec spec;

    @Option(names = "--dataset", required = true, paramLabel = "NAME", description = "registered dataset name")
    String dataset;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "dataset config value, e.g. --set image_size=64 (repeatable)")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output folder")
    Path out;

    @Option(names = "--split", defaultValue = "train", paramLabel = "train|test",
            description = "which split (default ${DEFAULT-VALUE})")
    String split;

    @Option(names = "--limit", defaultValue = "0", paramLabel = "N",
            description = "first N samples only; 0 = all (default ${DEFAULT-VALUE})")
    long limit;

    @Option(names = "--format", defaultValue = "png", paramLabel = "png|jpg",
            description = "image file format (masks are always PNG; default ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--threads", paramLabel = "N", description = "writer threads (default: number of cores)")
    Integer threads;

    @Inject
    public DataExportCommand(ComponentBinder binder, PluginContexts contexts) {
        this.binder = binder;
        this.contexts = contexts;
    }

    @Override
    public Integer call() throws Exception {
        Split which = switch (split.toLowerCase(Locale.ROOT)) {
            case "train" -> Split.TRAIN;
            case "test" -> Split.TEST;
            default -> throw new IllegalArgumentException("--split must be train or test, got '" + split + "'");
        };
        String ext = format.toLowerCase(Locale.ROOT);
        if (!List.of("png", "jpg", "jpeg").contains(ext)) {
            throw new IllegalArgumentException("--format must be png or jpg, got '" + format + "'");
        }
        if (limit < 0) {
            throw new IllegalArgumentException("--limit must be >= 0, got " + limit);
        }
        ComponentSpec spec = binder.bind(ComponentKind.DATASET, dataset, overrides);
        // relative paths in --set values resolve against the working directory
        Path source = Path.of("").toAbsolutePath().resolve("command-line");
        try (DatasetSource ds = contexts.create(spec, contexts.forTool(0, source), DatasetSource.class)) {
            new DatasetExporter(this.spec.commandLine().getOut()).export(ds, which, limit, out, ext,
                    threads != null ? threads : Runtime.getRuntime().availableProcessors());
            if (!ds.counters().isEmpty() && ds.counters().values().stream().anyMatch(v -> v > 0)) {
                this.spec.commandLine().getOut().println("dataset counters: " + ds.counters());
            }
        }
        return 0;
    }
}
