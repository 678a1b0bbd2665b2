package org.runbench.charts;

import java.util.Objects;

/**
 * Drawing settings of a metric chart: x axis, y scale, smoothing, and the pixel width its lines are decimated to.
 *
 * @param xAxis      what the x axis measures
 * @param yScale     linear or logarithmic y axis
 * @param smoothing  smoothed line drawn over the raw line, or {@link LineSmoothing#none()}
 * @param pixelWidth width in pixels of the plot area the lines are first decimated to, at least 1
 * @param clipOutliers whether the y axis fits the 1st to 99th percentile of the visible points, with the
 *                     points outside marked at the chart's edge
 */
public record ChartOptions(XAxisMode xAxis, YAxisScale yScale, LineSmoothing smoothing, int pixelWidth,
                           boolean clipOutliers) {

    public ChartOptions {
        Objects.requireNonNull(xAxis, "xAxis");
        Objects.requireNonNull(yScale, "yScale");
        Objects.requireNonNull(smoothing, "smoothing");
        if (pixelWidth < 1) {
            throw new IllegalArgumentException("pixel width must be at least 1, got " + pixelWidth + ".");
        }
    }

    /** Creates options that show every point (no outlier clipping). */
    public ChartOptions(XAxisMode xAxis, YAxisScale yScale, LineSmoothing smoothing, int pixelWidth) {
        this(xAxis, yScale, smoothing, pixelWidth, false);
    }

    /** Returns options for iterations on a linear axis without smoothing. */
    public static ChartOptions defaults(int pixelWidth) {
        return new ChartOptions(XAxisMode.ITERATION, YAxisScale.LINEAR, LineSmoothing.none(), pixelWidth);
    }

    public ChartOptions withXAxis(XAxisMode mode) {
        return new ChartOptions(mode, yScale, smoothing, pixelWidth, clipOutliers);
    }

    public ChartOptions withYScale(YAxisScale scale) {
        return new ChartOptions(xAxis, scale, smoothing, pixelWidth, clipOutliers);
    }

    public ChartOptions withSmoothing(LineSmoothing lineSmoothing) {
        return new ChartOptions(xAxis, yScale, lineSmoothing, pixelWidth, clipOutliers);
    }

    public ChartOptions withClipOutliers(boolean clip) {
        return new ChartOptions(xAxis, yScale, smoothing, pixelWidth, clip);
    }

    public ChartOptions withPixelWidth(int width) {
        return new ChartOptions(xAxis, yScale, smoothing, width, clipOutliers);
    }
}
