package org.harl.cli.report;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** PNG charts for reports (XChart, headless). */
public final class Charts {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    private Charts() {
    }

    /** One named line. */
    public record Line(String name, RunMetrics.Series series) {
    }

    /** A bar series: one value and error (standard deviation) per category; NaN = no bar. */
    public record Bars(String name, List<Double> values, List<Double> errors) {
    }

    /** A line chart of several series. */
    public static XYChart lineChart(String title, String yTitle, List<Line> lines) {
        XYChart chart = new XYChartBuilder().width(900).height(480).title(title).xAxisTitle("step")
                .yAxisTitle(yTitle).build();
        style(chart.getStyler());
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        for (Line line : lines) {
            if (line.series().isEmpty()) {
                continue;
            }
            XYSeries s = chart.addSeries(line.name(), line.series().steps(), line.series().values());
            s.setMarker(line.series().steps().length <= 30 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
        }
        return chart;
    }

    /** A grouped bar chart with error bars. */
    public static CategoryChart barChart(String title, String yTitle, List<String> categories, List<Bars> bars) {
        CategoryChart chart = new CategoryChartBuilder().width(900).height(480).title(title).xAxisTitle("setting")
                .yAxisTitle(yTitle).build();
        style(chart.getStyler());
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        chart.getStyler().setErrorBarsColor(Color.DARK_GRAY);
        chart.getStyler().setXAxisLabelRotation(categories.size() > 6 ? 30 : 0);
        for (Bars b : bars) {
            List<Double> values = new ArrayList<>();
            List<Double> errors = new ArrayList<>();
            for (int i = 0; i < categories.size(); i++) {
                double v = b.values().get(i);
                double e = b.errors().get(i);
                values.add(Double.isFinite(v) ? v : 0.0);
                errors.add(Double.isFinite(e) ? e : 0.0);
            }
            chart.addSeries(b.name(), categories, values, errors);
        }
        return chart;
    }

    private static void style(Styler styler) {
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotBorderVisible(false);
        styler.setLegendBorderColor(Color.WHITE);
        styler.setChartTitleBoxVisible(false);
    }

    /** Writes one chart as PNG. */
    public static void save(Chart<?, ?> chart, Path png) throws IOException {
        Files.createDirectories(png.toAbsolutePath().getParent());
        try (var out = Files.newOutputStream(png)) {
            BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
        }
    }

    /** Writes several charts as one PNG grid ({@code columns} wide). */
    public static void saveGrid(List<XYChart> charts, int columns, Path png) throws IOException {
        if (charts.size() == 1) {
            save(charts.get(0), png);
            return;
        }
        Files.createDirectories(png.toAbsolutePath().getParent());
        int rows = (charts.size() + columns - 1) / columns;
        List<XYChart> padded = new ArrayList<>(charts);
        while (padded.size() < rows * columns) {
            XYChart empty = new XYChartBuilder().width(charts.get(0).getWidth()).height(charts.get(0).getHeight())
                    .build();
            style(empty.getStyler());
            empty.getStyler().setAxisTicksVisible(false);
            empty.getStyler().setPlotGridLinesVisible(false);
            padded.add(empty);
        }
        try (var out = Files.newOutputStream(png)) {
            BitmapEncoder.saveBitmap(padded, rows, columns, out, BitmapEncoder.BitmapFormat.PNG);
        }
    }
}
