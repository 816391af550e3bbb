package org.harl.core.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.harl.core.config.ConfigNode.MapNode;
import org.harl.core.config.Origin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsCsvTest {

    @TempDir
    Path sweepDir;

    @Test
    void whatTheSweepWritesReadsBackColumnForColumn() throws Exception {
        ExpandedRun run = new ExpandedRun("abl", "alpha=0.5,beta=1", 2, MapNode.empty(Origin.of("test")));
        Map<String, Object> summary = Map.of("epochs", 12, "wall_s", 30.5, "knn_top1", 0.4, "linear_top1", 0.5,
                "random_init_knn_top1", 0.2, "random_init_linear_top1", 0.25);
        new SweepResultFiles(sweepDir).write(List.of(new RunOutcome(run, sweepDir.resolve(run.name()), "completed",
                summary, null)));

        ResultsCsv.Table table = ResultsCsv.load(sweepDir);
        assertEquals(1, table.rows().size());
        ResultsCsv.Row row = table.rows().get(0);
        assertEquals(ResultsCsv.COLUMNS, List.copyOf(row.cells().keySet()));
        assertEquals("alpha=0.5,beta=1", row.get("setting"));
        for (String key : ResultsCsv.VALUES) {
            Optional<Double> expected = Optional.ofNullable((Number) summary.get(key)).map(Number::doubleValue);
            assertEquals(expected, row.number(key), key);
        }
        assertEquals(List.of("alpha=0.5,beta=1"), table.settings());
    }
}
