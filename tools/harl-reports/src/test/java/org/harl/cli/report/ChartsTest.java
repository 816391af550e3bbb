package org.harl.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.CategoryChart;

class ChartsTest {

    @Test
    void aBarChartLeavesOutCategoriesWithoutAnyValue() {
        double nan = Double.NaN;
        // "pending" has no value in either series (no seed finished): no zero-height bars that read as measured 0s;
        // "half" has one value, so it stays, its missing bar drawn empty
        CategoryChart chart = Charts.barChart("t", "y", List.of("done", "pending", "half"), List.of(
                new Charts.Bars("m1", List.of(0.5, nan, 0.25), List.of(0.1, nan, nan)),
                new Charts.Bars("m2", List.of(0.75, nan, nan), List.of(nan, nan, nan))));
        assertEquals(List.of("done", "half"), List.copyOf(chart.getSeriesMap().get("m1").getXData()));
        assertEquals(List.of(0.5, 0.25), List.copyOf(chart.getSeriesMap().get("m1").getYData()));
        assertEquals(List.of(0.75, 0.0), List.copyOf(chart.getSeriesMap().get("m2").getYData()));
    }
}
