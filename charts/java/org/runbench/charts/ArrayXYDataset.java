package org.runbench.charts;

import java.util.ArrayList;
import java.util.List;
import org.jfree.data.xy.AbstractXYDataset;

/**
 * An XY dataset over primitive arrays, so that replacing every series after a zoom boxes nothing.
 *
 * <p>Change it only on the thread that draws the chart (the JavaFX application thread once shown); each
 * {@link #setSeries} call fires one change event.
 */
final class ArrayXYDataset extends AbstractXYDataset {

    private final List<String> keys;
    private final List<double[]> xs = new ArrayList<>();
    private final List<double[]> ys = new ArrayList<>();
    private final List<Integer> sizes = new ArrayList<>();

    ArrayXYDataset(List<String> keys) {
        this.keys = List.copyOf(keys);
        for (int i = 0; i < keys.size(); i++) {
            xs.add(new double[0]);
            ys.add(new double[0]);
            sizes.add(0);
        }
    }

    /** Replaces the points of every series; the lists are indexed like the keys. */
    void setSeries(List<double[]> xValues, List<double[]> yValues, List<Integer> counts) {
        if (xValues.size() != keys.size() || yValues.size() != keys.size() || counts.size() != keys.size()) {
            throw new IllegalArgumentException("expected " + keys.size() + " series, got " + xValues.size());
        }
        for (int i = 0; i < keys.size(); i++) {
            xs.set(i, xValues.get(i));
            ys.set(i, yValues.get(i));
            sizes.set(i, counts.get(i));
        }
        fireDatasetChanged();
    }

    @Override
    public int getSeriesCount() {
        return keys.size();
    }

    @Override
    public Comparable<String> getSeriesKey(int series) {
        return keys.get(series);
    }

    @Override
    public int getItemCount(int series) {
        return sizes.get(series);
    }

    @Override
    public Number getX(int series, int item) {
        return getXValue(series, item);
    }

    @Override
    public Number getY(int series, int item) {
        return getYValue(series, item);
    }

    @Override
    public double getXValue(int series, int item) {
        return xs.get(series)[item];
    }

    @Override
    public double getYValue(int series, int item) {
        return ys.get(series)[item];
    }
}
