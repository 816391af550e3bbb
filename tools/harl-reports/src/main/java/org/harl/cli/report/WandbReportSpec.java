package org.harl.cli.report;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the {@code spec} of a W&B report ("view"): heading, description and one panel grid whose run set selects
 * the given run ids and whose panels plot the same metrics as the local report. The schema follows
 * wandb-workspaces' {@code reports/v2/internal.py} (spec version 5).
 */
public final class WandbReportSpec {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** One panel: a line plot over {@code _step} or, when {@code bar}, a bar chart of summary values. */
    public record Panel(String title, List<String> metrics, boolean bar) {
    }

    private WandbReportSpec() {
    }

    /** 12 random {@code [a-z0-9]} characters (view names and ids in specs). */
    public static String randomName() {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    public static Map<String, Object> build(String title, String description, String entity, String project,
                                            List<String> runIds, String groupBy, List<Panel> panels) {
        List<Object> blocks = new ArrayList<>();
        blocks.add(Map.of("type", "heading", "level", 1, "children", List.of(Map.of("text", title))));
        blocks.add(Map.of("type", "paragraph", "children", List.of(Map.of("text", description))));
        blocks.add(panelGrid(entity, project, runIds, groupBy, panels));
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("version", 5);
        spec.put("panelSettings", Map.of());
        spec.put("blocks", blocks);
        spec.put("width", "readable");
        spec.put("authors", List.of());
        spec.put("discussionThreads", List.of());
        return spec;
    }

    private static Map<String, Object> panelGrid(String entity, String project, List<String> runIds, String groupBy,
                                                 List<Panel> panels) {
        Map<String, Object> runSet = new LinkedHashMap<>();
        runSet.put("id", randomName());
        runSet.put("runFeed", Map.of("version", 2, "columnVisible", Map.of("run:name", false), "columnPinned",
                Map.of(), "columnWidths", Map.of(), "columnOrder", List.of(), "pageSize", 10, "onlyShowSelected",
                false));
        runSet.put("enabled", true);
        runSet.put("project", Map.of("name", project, "entityName", entity));
        runSet.put("name", "Run set");
        runSet.put("search", Map.of("query", ""));
        runSet.put("filters", Map.of("op", "OR", "filters", List.of(Map.of("op", "AND", "filters", List.of(
                Map.of("key", Map.of("section", "run", "name", "name"), "op", "IN", "value", runIds))))));
        runSet.put("grouping", groupBy == null ? List.of() : List.of(Map.of("section", "run", "name", groupBy)));
        runSet.put("sort", Map.of("keys", List.of(Map.of("key", Map.of("section", "run", "name", "createdAt"),
                "ascending", false))));
        runSet.put("selections", Map.of("root", 1, "bounds", List.of(), "tree", List.of()));
        runSet.put("expandedRowAddresses", List.of());

        List<Object> panelSpecs = new ArrayList<>();
        for (int i = 0; i < panels.size(); i++) {
            Panel p = panels.get(i);
            Map<String, Object> config = new LinkedHashMap<>();
            config.put("chartTitle", p.title());
            config.put("metrics", p.metrics());
            if (p.bar()) {
                config.put("vertical", true);
                config.put("groupAgg", "mean");
                config.put("groupArea", "stddev");
            } else {
                config.put("xAxis", "_step");
            }
            Map<String, Object> panel = new LinkedHashMap<>();
            panel.put("__id__", randomName());
            panel.put("viewType", p.bar() ? "Bar Chart" : "Run History Line Plot");
            panel.put("config", config);
            panel.put("layout", Map.of("x", (i % 3) * 8, "y", (i / 3) * 6, "w", 8, "h", 6));
            panelSpecs.add(panel);
        }
        Map<String, Object> flow = Map.of("snapToColumns", true, "columnsPerPage", 3, "rowsPerPage", 2,
                "gutterWidth", 16, "boxWidth", 460, "boxHeight", 300);
        Map<String, Object> local = Map.of("xAxis", "_step", "smoothingWeight", 0, "smoothingType", "exponential",
                "ignoreOutliers", false, "useRunsTableGroupingInPanels", true);
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("name", "Report Panels");
        section.put("isOpen", true);
        section.put("panels", panelSpecs);
        section.put("type", "grid");
        section.put("flowConfig", flow);
        section.put("sorted", 0);
        section.put("localPanelSettings", local);

        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("openViz", true);
        metadata.put("openRunSet", 0);
        metadata.put("name", "unused-name");
        metadata.put("runSets", List.of(runSet));
        metadata.put("hideRunSets", false);
        metadata.put("panels", Map.of("views", Map.of("0", Map.of("name", "Panels", "defaults", List.of(), "config",
                List.of())), "tabs", List.of("0")));
        metadata.put("panelBankConfig", Map.of("state", 0, "settings", Map.of("autoOrganizePrefix", 2,
                "showEmptySections", false, "sortAlphabetically", false), "sections", List.of(Map.of("name",
                "Hidden Panels", "isOpen", false, "type", "flow", "flowConfig", flow, "sorted", 0,
                "localPanelSettings", local, "panels", List.of()))));
        metadata.put("panelBankSectionConfig", section);
        metadata.put("customRunColors", Map.of());
        return Map.of("type", "panel-grid", "children", List.of(Map.of("text", "")), "metadata", metadata);
    }
}
