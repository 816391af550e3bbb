package org.harl.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.harl.cli.wandb.MiniWandbServer;
import org.harl.plugins.trackers.wandb.RunState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WandbReportPublisherTest {
    @TempDir
    Path tmp;

    @Test
    void publishesAViewThatSelectsTheRunsAndPlotsTheirMetrics() throws Exception {
        Path a = ReportFixtures.run(tmp, "a", 60, 0.05, 0.3);
        Path b = ReportFixtures.run(tmp, "b", 60, 0.05, 0.35);
        try (MiniWandbServer server = new MiniWandbServer()) {
            new RunState("runaaaa1", "alice", "proj", server.baseUrl()).save(a.resolve("wandb"));
            new RunState("runbbbb2", "alice", "proj", server.baseUrl()).save(b.resolve("wandb"));
            Map<String, String> env = Map.of("WANDB_API_KEY", "k".repeat(40));
            List<RunMetrics> runs = PretrainReport.load(List.of(a, b));
            String section = new WandbReportPublisher(env).publish("Pretraining: a, b", "two runs", List.of(a, b),
                    null, PretrainReportCommand.panels(runs));
            assertEquals("Published W&B report: " + server.baseUrl() + "/alice/proj/reports/Pretraining-a-b--"
                    + "VmlldzoxMjM=", section);
            JsonNode request = server.graphql.get(0);
            assertEquals("upsertView", request.path("operationName").asText());
            JsonNode vars = request.path("variables");
            assertEquals("runs", vars.path("type").asText());
            assertEquals("alice", vars.path("entityName").asText());
            assertTrue(vars.path("name").asText().matches("[a-z0-9]{12}"));
            JsonNode spec = new ObjectMapper().readTree(vars.path("spec").asText());
            assertEquals(5, spec.path("version").asInt());
            JsonNode grid = spec.path("blocks").get(2);
            assertEquals("panel-grid", grid.path("type").asText());
            JsonNode filter = grid.path("metadata").path("runSets").get(0).path("filters").path("filters").get(0)
                    .path("filters").get(0);
            assertEquals("IN", filter.path("op").asText());
            assertEquals("[\"runaaaa1\",\"runbbbb2\"]", filter.path("value").toString());
            JsonNode panels = grid.path("metadata").path("panelBankSectionConfig").path("panels");
            assertEquals("Run History Line Plot", panels.get(0).path("viewType").asText());
            assertEquals("[\"loss\",\"loss_byol\",\"loss_saliency\"]", panels.get(0).path("config").path("metrics")
                    .toString());
            assertEquals("Bar Chart", panels.get(panels.size() - 1).path("viewType").asText());
        }
    }

    @Test
    void explainsWhyNothingWasPublished() throws Exception {
        Path a = ReportFixtures.run(tmp, "a", 10, 0.05, 0.3);
        assertTrue(new WandbReportPublisher(Map.of("WANDB_MODE", "offline")).publish("t", "d", List.of(a), null,
                List.of()).contains("WANDB_MODE=offline"));
        new RunState("runaaaa1", "alice", "proj", "http://127.0.0.1:9").save(a.resolve("wandb"));
        assertTrue(new WandbReportPublisher(Map.of("HOME", tmp.toString())).publish("t", "d", List.of(a), null,
                List.of()).contains("no API key"));
    }
}
