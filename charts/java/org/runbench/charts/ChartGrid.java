package org.runbench.charts;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Lays metric charts out in a grid of 1 to 4 columns, row by row, and writes the grid to PNG or SVG.
 *
 * <p>Before drawing, each chart is decimated again over its full data range to the width of its cell,
 * so the file shows every spike and gap at the size it is drawn. Drawing changes the charts' datasets:
 * call it on the thread that owns the charts. No JavaFX is needed.
 */
public final class ChartGrid {

    /** Largest number of columns; wider grids make each chart too narrow to read. */
    public static final int MAX_COLUMNS = 4;

    private final List<MetricChart> charts;
    private final int columns;
    private final int cellWidth;
    private final int cellHeight;
    private final double[] xRange;

    /**
     * @param charts     charts in reading order
     * @param columns    columns of the grid, 1 to {@link #MAX_COLUMNS}
     * @param cellWidth  width of each chart in pixels
     * @param cellHeight height of each chart in pixels
     */
    public ChartGrid(List<MetricChart> charts, int columns, int cellWidth, int cellHeight) {
        this(charts, columns, cellWidth, cellHeight, null);
    }

    /**
     * Creates a grid whose charts all show the x range {@code xRange} ({lower, upper} in the axis unit), as
     * a zoomed comparison does; null shows each chart's whole data range.
     */
    public ChartGrid(List<MetricChart> charts, int columns, int cellWidth, int cellHeight, double[] xRange) {
        Objects.requireNonNull(charts, "charts");
        if (columns < 1 || columns > MAX_COLUMNS) {
            throw new IllegalArgumentException("a chart grid has 1 to " + MAX_COLUMNS + " columns, got " + columns
                    + ".");
        }
        if (cellWidth < 1 || cellHeight < 1) {
            throw new IllegalArgumentException("chart cells must be at least 1 x 1 pixels, got " + cellWidth + " x "
                    + cellHeight + ".");
        }
        this.charts = List.copyOf(charts);
        this.columns = columns;
        this.cellWidth = cellWidth;
        this.cellHeight = cellHeight;
        this.xRange = xRange == null ? null : xRange.clone();
    }

    /** Returns the width of the whole grid in pixels. */
    public int width() {
        return cellWidth * Math.min(columns, Math.max(charts.size(), 1));
    }

    /** Returns the height of the whole grid in pixels. */
    public int height() {
        int rows = Math.max((charts.size() + columns - 1) / columns, 1);
        return cellHeight * rows;
    }

    public BufferedImage toImage() {
        return ChartExport.renderImage(this::draw, width(), height());
    }

    /** Returns the grid as an SVG document. */
    public String toSvg() {
        return ChartExport.renderSvg(this::draw, width(), height());
    }

    public void writePng(Path file) throws IOException {
        ChartExport.writePng(file, toImage());
    }

    public void writeSvg(Path file) throws IOException {
        ChartExport.writeSvg(file, toSvg());
    }

    private void draw(Graphics2D g2, Rectangle2D area) {
        g2.setPaint(Color.WHITE);
        g2.fill(area);
        for (int i = 0; i < charts.size(); i++) {
            MetricChart chart = charts.get(i);
            // The plot area is narrower than the cell, so this keeps a few more columns than the plot has
            // pixels. Every column's extremes survive, at the cost of a few extra points.
            if (xRange == null) {
                chart.show(chart.decimateAll(cellWidth));
            } else {
                chart.show(chart.decimate(xRange[0], xRange[1], cellWidth));
                chart.chart().getXYPlot().getDomainAxis().setRange(xRange[0], xRange[1]);
            }
            Rectangle2D cell = new Rectangle2D.Double(area.getX() + (i % columns) * cellWidth,
                    area.getY() + (i / columns) * cellHeight, cellWidth, cellHeight);
            chart.chart().draw(g2, cell);
        }
    }
}
