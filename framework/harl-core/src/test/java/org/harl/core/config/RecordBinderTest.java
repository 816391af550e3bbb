package org.harl.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.harl.testing.fake.FakeConfigs;
import org.harl.testing.fake.FakeConfigs.Dataset;
import org.harl.testing.fake.FakeConfigs.Loss;
import org.harl.testing.fake.FakeConfigs.MaskProposer;
import org.junit.jupiter.api.Test;

class RecordBinderTest {

    private static final Dataset DATA = new Dataset(Path.of("d"), 32, Optional.empty(), List.of(),
            FakeConfigs.Colour.RGB);
    private static final Loss LOSS = new Loss(0.2, new FakeConfigs.Schedule(1, 1), Map.of());
    private static final MaskProposer MASK = new MaskProposer(0.5, 4, new FakeConfigs.Smoothing(2, 1.0));

    private final RecordBinder binder = new RecordBinder();

    private static ConfigNode yaml(String text) {
        ConfigErrors errors = new ConfigErrors();
        ConfigNode node = YamlReader.read(text, "t.yaml", errors);
        errors.throwIfAny();
        return node;
    }

    private <R extends Record> R bind(Class<R> type, R defaults, String text) {
        ConfigErrors errors = new ConfigErrors();
        R r = binder.bind(type, defaults, yaml(text), "x", errors);
        errors.throwIfAny();
        return r;
    }

    private <R extends Record> List<String> errors(Class<R> type, R defaults, String text) {
        ConfigErrors errors = new ConfigErrors();
        assertNull(binder.bind(type, defaults, yaml(text), "x", errors));
        return errors.list().stream().map(ConfigError::toString).toList();
    }

    @Test
    void enumsBindCaseInsensitivelyWithDashesAndListValidValues() {
        assertEquals(FakeConfigs.Colour.GREY_SCALE, bind(Dataset.class, DATA, "{root: d, colour: grey-scale}").colour());
        assertEquals(FakeConfigs.Colour.GREY_SCALE, bind(Dataset.class, DATA, "{root: d, colour: Grey_Scale}").colour());
        assertEquals(List.of("t.yaml:1:19 x.colour: unknown value 'gray_scale'; did you mean 'grey_scale'? valid "
                + "values: rgb, grey_scale"), errors(Dataset.class, DATA, "{root: d, colour: gray_scale}"));
    }

    @Test
    void optionalsListsMapsAndPaths() {
        Dataset d = bind(Dataset.class, DATA, "{root: /data/x, limit: 10, classes: [a, 1]}");
        assertEquals(Path.of("/data/x"), d.root());
        assertEquals(Optional.of(10), d.limit());
        assertEquals(List.of("a", "1"), d.classes());
        assertEquals(Optional.empty(), bind(Dataset.class, DATA, "{root: d, limit: null}").limit());
        assertEquals(Map.of("a", 1.0, "b", 0.5), bind(Loss.class, LOSS, "terms: {a: 1, b: 0.5}").terms());
        assertEquals(List.of("t.yaml:1:18 x.terms.b: expected a number, got 'high'"),
                errors(Loss.class, LOSS, "terms: {a: 1, b: high}"));
        assertEquals(List.of("t.yaml:1:20 x.classes: expected a list, got cat"),
                errors(Dataset.class, DATA, "{root: d, classes: cat}"));
    }

    @Test
    void scalarShorthandUsesFromScalarAndMapsBindTheRecord() {
        assertEquals(new FakeConfigs.Schedule(0.5, 0.5), bind(Loss.class, LOSS, "weight: 0.5").weight());
        assertEquals(new FakeConfigs.Schedule(0, 1), bind(Loss.class, LOSS, "weight: {start: 0, end: 1}").weight());
        assertEquals(List.of("t.yaml:1:9 x.weight: expected a number or {start, end}, got soon"),
                errors(Loss.class, LOSS, "weight: soon"));
    }

    @Test
    void nestedRecordsStartFromTheEnclosingDefaultOrTheirOwnDefaults() {
        assertEquals(new FakeConfigs.Smoothing(5, 1.0), bind(MaskProposer.class, MASK,
                "smoothing: {radius: 5}").smoothing());
        FakeConfigs.Augmentation a = bind(FakeConfigs.Augmentation.class, new FakeConfigs.Augmentation(List.of()),
                "views: [{solarize: 0.2}, {}]");
        assertEquals(List.of(new FakeConfigs.View(0.08, 0.2), new FakeConfigs.View(0.08, 0.0)), a.views());
        assertEquals(List.of("t.yaml:1:10 x.views.0.solarise: unknown key 'solarise'; did you mean 'solarize'? "
                        + "valid keys: min_scale, solarize"),
                errors(FakeConfigs.Augmentation.class, new FakeConfigs.Augmentation(List.of()),
                        "views: [{solarise: 0.2}]"));
    }

    @Test
    void numbersAreStrict() {
        assertEquals(List.of("t.yaml:1:8 x.cells: expected an integer, got 2.5 (fractional)"),
                errors(MaskProposer.class, MASK, "cells: 2.5"));
        assertEquals(3, bind(MaskProposer.class, MASK, "cells: 3.0").cells());
        assertEquals(List.of("t.yaml:1:8 x.cells: integer 9999999999 is out of range [-2147483648, 2147483647]"),
                errors(MaskProposer.class, MASK, "cells: 9999999999"));
        assertEquals(1.0, bind(MaskProposer.class, MASK, "threshold: 1").threshold());
        assertEquals(List.of("t.yaml:1:12 x.threshold: expected a number, got '0.5x'"),
                errors(MaskProposer.class, MASK, "threshold: 0.5x"));
        assertEquals(List.of("t.yaml:1:12 x.threshold: expected number, got null"),
                errors(MaskProposer.class, MASK, "threshold: null"));
        assertEquals(List.of("t.yaml:1:12 x.threshold: must be in [0, 1], got 1.5"),
                errors(MaskProposer.class, MASK, "threshold: 1.5"));
    }

    @Test
    void snakeCaseNamesAndSchema() {
        assertEquals("batch_size", RecordSchema.snake("batchSize"));
        assertEquals("use_ema", RecordSchema.snake("useEMA"));
        assertEquals("ema_tau", RecordSchema.snake("EMATau"));
        assertEquals("layer2_width", RecordSchema.snake("layer2Width"));
        assertEquals("k", RecordSchema.snake("k"));
        List<RecordSchema.Key> keys = RecordSchema.keys(Dataset.class, DATA);
        assertEquals(new RecordSchema.Key("root", "path", "d", "image folder", true), keys.get(0));
        assertEquals(new RecordSchema.Key("limit", "int?", null, "cap on the number of images", false), keys.get(2));
        assertEquals(new RecordSchema.Key("colour", "rgb|grey_scale", "rgb", "colour mode", false), keys.get(4));
        assertEquals("list<string>", keys.get(3).type());
    }
}
