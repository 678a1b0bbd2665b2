package org.runbench.views;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.input.MouseButton;
import javafx.scene.shape.Line;
import javafx.stage.Stage;
import org.jfree.data.Range;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.runbench.charts.ChartOptions;
import org.runbench.charts.MetricChart;
import org.runbench.charts.MetricChartFactory;
import org.runbench.charts.RunSeries;
import org.runbench.model.PointSeriesBuilder;
import org.runbench.model.SeriesKey;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Zooming a chart draws fast frames, then one full-quality frame; the crosshair never redraws the chart. */
@ExtendWith(ApplicationExtension.class)
class ChartCellInteractionTest {

    private FxTaskRunner tasks;
    private MetricChart chart;
    private ChartCell cell;

    @Start
    void start(Stage stage) {
        PointSeriesBuilder builder = new PointSeriesBuilder();
        for (int i = 0; i < 50_000; i++) {
            builder.add(i, Math.sin(i / 3_000.0) + (i % 13) * 0.01, 1_700_000_000_000L + i);
        }
        chart = MetricChartFactory.create(new SeriesKey("train", "loss"),
                List.of(new RunSeries("run", new Color(0, 0, 200), builder.build())), ChartOptions.defaults(600));
        tasks = new FxTaskRunner();
        cell = new ChartCell(chart, chart.shownLines(), List.of("run"), tasks, range -> { });
        stage.setScene(new Scene(cell, 700, 450));
        stage.show();
    }

    @AfterEach
    void close() {
        tasks.close();
    }

    @Test
    void zoomDrawsFastThenSettles(FxRobot robot) throws Exception {
        Range before = cell.xRange();
        AtomicInteger fastFrames = new AtomicInteger();
        chart.chart().addChangeListener(event -> {
            if (chart.isFastDrawing()) {
                fastFrames.incrementAndGet();
            }
        });

        robot.interact(() -> cell.applyXRange(new Range(10_000, 20_000)));

        assertThat(cell.isInteracting()).isTrue();
        assertThat(fastFrames.get()).isPositive();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !cell.isInteracting());
        assertThat(cell.xRange()).isNotEqualTo(before);
        MetricChart.Lines shown = chart.shownLines();
        assertThat(shown.xMin()).isEqualTo(10_000);
        assertThat(shown.xMax()).isEqualTo(20_000);
    }

    @Test
    void mouseDragStartsFastDrawing(FxRobot robot) throws Exception {
        Point2D center = robot.point(cell.viewer()).query();
        robot.drag(center.add(-100, 0), MouseButton.PRIMARY).moveBy(60, 0);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(cell.isInteracting()).isTrue();
        robot.release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !cell.isInteracting());
    }

    @Test
    void wheelZoomsOnlyWithShortcutKey(FxRobot robot) throws Exception {
        Range before = cell.xRange();
        robot.moveTo(cell.viewer());

        robot.scroll(2, javafx.geometry.VerticalDirection.UP);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(cell.xRange()).isEqualTo(before);
        assertThat(cell.isInteracting()).isFalse();

        robot.press(javafx.scene.input.KeyCode.SHORTCUT).scroll(2, javafx.geometry.VerticalDirection.UP)
                .release(javafx.scene.input.KeyCode.SHORTCUT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(cell.xRange()).isNotEqualTo(before);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !cell.isInteracting());
    }

    @Test
    void notesMoveIntoWrappingLabel(FxRobot robot) {
        PointSeriesBuilder builder = new PointSeriesBuilder();
        for (int i = 0; i < 100; i++) {
            builder.add(i, i == 50 ? Double.NaN : i, 1_700_000_000_000L + i);
        }
        MetricChart withGap = MetricChartFactory.create(new SeriesKey("train", "gap"),
                List.of(new RunSeries("run with a rather long name to make the note wide", new Color(200, 0, 0),
                        builder.build())), ChartOptions.defaults(300));
        ChartCell[] created = new ChartCell[1];

        robot.interact(() -> created[0] = new ChartCell(withGap, withGap.shownLines(), List.of("run"), tasks, range -> { }));

        javafx.scene.control.Label notes = (javafx.scene.control.Label) created[0].getChildren().stream()
                .filter(node -> node.getStyleClass().contains("chart-notes")).findFirst().orElseThrow();
        assertThat(notes.getText()).startsWith("NaN or infinite values, drawn as gaps marked ×:");
        assertThat(notes.isWrapText()).isTrue();
        for (int index = 0; index < withGap.chart().getSubtitleCount(); index++) {
            assertThat(withGap.chart().getSubtitle(index)).isNotInstanceOf(org.jfree.chart.title.TextTitle.class);
        }
    }

    @Test
    void crosshairMovesWithoutRedrawingChart(FxRobot robot) throws Exception {
        AtomicInteger redraws = new AtomicInteger();
        chart.chart().addChangeListener(event -> redraws.incrementAndGet());
        Point2D center = robot.point(cell.viewer()).query();

        robot.moveTo(center.add(-50, 0));
        robot.moveTo(center.add(50, 0));
        WaitForAsyncUtils.waitForFxEvents();

        Line crosshair = robot.lookup(".chart-crosshair").queryAs(Line.class);
        assertThat(crosshair.isVisible()).isTrue();
        Point2D onScreen = crosshair.localToScreen(crosshair.getStartX(), crosshair.getStartY());
        assertThat(onScreen.getX()).isCloseTo(center.getX() + 50, org.assertj.core.data.Offset.offset(2.0));
        assertThat(redraws.get()).isZero();
        assertThat(robot.lookup(".chart-readout").queryLabeled().getText()).contains("run: ");
    }
}
