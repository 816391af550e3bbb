package org.harl.cli.report;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
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
        chart.getStyler().setYAxisTickMarkSpacingHint(50);
        double minX = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (Line line : lines) {
            if (line.series().isEmpty()) {
                continue;
            }
            XYSeries s = chart.addSeries(line.name(), line.series().steps(), line.series().values());
            s.setMarker(line.series().steps().length <= 30 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
            minX = Math.min(minX, line.series().steps()[0]);
            maxX = Math.max(maxX, line.series().steps()[line.series().steps().length - 1]);
            for (double v : line.series().values()) {
                minY = Math.min(minY, v);
                maxY = Math.max(maxY, v);
            }
        }
        if (maxX > minX + 1) {
            // XChart puts a tick at every data value when the data look evenly spaced (every step: unreadable);
            // an invisible, unevenly spaced series inside the data range switches it to normal tick spacing.
            XYSeries anchor = chart.addSeries(" ", new double[] {minX, minX + 0.5, maxX},
                    new double[] {minY, minY + 0.3711 * (maxY - minY), maxY});
            anchor.setShowInLegend(false);
            anchor.setMarker(SeriesMarkers.NONE);
            anchor.setLineStyle(SeriesLines.NONE);
        }
        return chart;
    }

    /**
     * A grouped bar chart with error bars. A category without any value (a setting no seed has finished yet) is left
     * out rather than drawn as bars of height 0, which would read as a measured 0.
     */
    public static CategoryChart barChart(String title, String yTitle, List<String> allCategories, List<Bars> bars) {
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < allCategories.size(); i++) {
            int c = i;
            if (bars.stream().anyMatch(b -> Double.isFinite(b.values().get(c)))) {
                kept.add(i);
            }
        }
        List<String> categories = kept.stream().map(allCategories::get).toList();
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
            for (int i : kept) {
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
        styler.setDecimalPattern("#,##0.####");
    }

    /** Writes one chart as PNG. */
    public static void save(Chart<?, ?> chart, Path png) throws IOException {
        Files.createDirectories(png.toAbsolutePath().getParent());
        try (var out = Files.newOutputStream(png)) {
            BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
        }
    }

    /** Writes several charts as one PNG grid ({@code columns} wide), each drawn at its own size. */
    public static void saveGrid(List<XYChart> charts, int columns, Path png) throws IOException {
        if (charts.size() == 1) {
            save(charts.get(0), png);
            return;
        }
        Files.createDirectories(png.toAbsolutePath().getParent());
        int w = charts.get(0).getWidth();
        int h = charts.get(0).getHeight();
        int rows = (charts.size() + columns - 1) / columns;
        BufferedImage grid = new BufferedImage(w * columns, h * rows, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = grid.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, grid.getWidth(), grid.getHeight());
        for (int i = 0; i < charts.size(); i++) {
            g.drawImage(BitmapEncoder.getBufferedImage(charts.get(i)), (i % columns) * w, (i / columns) * h, null);
        }
        g.dispose();
        ImageIO.write(grid, "png", png.toFile());
    }
}
