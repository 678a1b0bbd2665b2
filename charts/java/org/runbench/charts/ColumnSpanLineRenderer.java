package org.runbench.charts;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CrosshairState;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRendererState;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYDataset;

/**
 * Line renderer with a fast mode for zooming and panning. In fast mode each series is one filled vertical
 * span per pixel column instead of an antialiased path. A span reaches from the lowest to the highest point
 * of its column and the last point of the column before.
 *
 * <p>On decimated data (up to four points per column) the spans ink the same columns and heights as the
 * path, but filling a pixel-aligned rectangle costs far less than rasterizing an antialiased stroke, in
 * Java2D and on a JavaFX canvas alike. A point more than one column from the previous one is joined by a
 * plain line, and a NaN value breaks the line as in normal mode. Normal mode is the superclass's path.
 */
final class ColumnSpanLineRenderer extends XYLineAndShapeRenderer {

    private static final long serialVersionUID = 1L;

    private volatile boolean columnSpans;

    ColumnSpanLineRenderer() {
        super(true, false);
        setDrawSeriesLineAsPath(true);
    }

    /** Switches fast mode on or off without a change event; the caller redraws the chart. */
    void setColumnSpans(boolean on) {
        columnSpans = on;
    }

    boolean isColumnSpans() {
        return columnSpans;
    }

    @Override
    public void drawItem(Graphics2D g2, XYItemRendererState state, Rectangle2D dataArea, PlotRenderingInfo info,
                         XYPlot plot, ValueAxis domainAxis, ValueAxis rangeAxis, XYDataset dataset, int series, int item,
                         CrosshairState crosshairState, int pass) {
        if (!columnSpans) {
            super.drawItem(g2, state, dataArea, info, plot, domainAxis, rangeAxis, dataset, series, item, crosshairState,
                    pass);
            return;
        }
        // The whole series is drawn on the pass's first item; the other calls have nothing left to do.
        if (pass != 0 || item != state.getFirstItemIndex() || !isSeriesVisible(series)) {
            return;
        }
        drawSpans(g2, dataArea, plot, domainAxis, rangeAxis, dataset, series, state.getFirstItemIndex(),
                state.getLastItemIndex());
    }

    private void drawSpans(Graphics2D g2, Rectangle2D dataArea, XYPlot plot, ValueAxis domainAxis, ValueAxis rangeAxis,
                           XYDataset dataset, int series, int first, int last) {
        RectangleEdge xEdge = plot.getDomainAxisEdge();
        RectangleEdge yEdge = plot.getRangeAxisEdge();
        Stroke stroke = getItemStroke(series, first);
        float lineWidth = stroke instanceof BasicStroke basic ? basic.getLineWidth() : 1.0f;
        // A span as wide as the line, rounded up to whole pixels, so a 1.5 pixel line inks 2 columns as it
        // does when antialiased.
        double half = Math.max(0.5, lineWidth / 2.0);
        double spanWidth = Math.max(1.0, Math.ceil(lineWidth));

        Object antialiasing = g2.getRenderingHint(RenderingHints.KEY_ANTIALIASING);
        g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
        g2.setPaint(getItemPaint(series, first));
        g2.setStroke(new BasicStroke((float) spanWidth));
        Rectangle2D.Double span = new Rectangle2D.Double();
        Line2D.Double join = new Line2D.Double();

        boolean open = false;
        long column = 0;
        double low = 0;
        double high = 0;
        double previousX = 0;
        double previousY = 0;
        for (int item = first; item <= last; item++) {
            double y = dataset.getYValue(series, item);
            if (!Double.isFinite(y)) {
                if (open) {
                    fill(g2, span, column, low, high, half, spanWidth);
                }
                open = false;
                continue;
            }
            double screenX = domainAxis.valueToJava2D(dataset.getXValue(series, item), dataArea, xEdge);
            double screenY = rangeAxis.valueToJava2D(y, dataArea, yEdge);
            long itemColumn = (long) Math.floor(screenX);
            if (open && itemColumn == column) {
                low = Math.min(low, screenY);
                high = Math.max(high, screenY);
            } else {
                if (open) {
                    fill(g2, span, column, low, high, half, spanWidth);
                }
                low = screenY;
                high = screenY;
                if (open && Math.abs(itemColumn - column) == 1) {
                    // The next column's span reaches back to the previous point, so the line stays joined.
                    low = Math.min(low, previousY);
                    high = Math.max(high, previousY);
                } else if (open) {
                    join.setLine(previousX, previousY, screenX, screenY);
                    g2.draw(join);
                }
                column = itemColumn;
                open = true;
            }
            previousX = screenX;
            previousY = screenY;
        }
        if (open) {
            fill(g2, span, column, low, high, half, spanWidth);
        }
        g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, antialiasing == null
                ? RenderingHints.VALUE_ANTIALIAS_DEFAULT : antialiasing);
    }

    private static void fill(Graphics2D g2, Rectangle2D.Double span, long column, double low, double high, double half,
                             double width) {
        span.setRect(column, low - half, width, high - low + 2 * half);
        g2.fill(span);
    }
}
