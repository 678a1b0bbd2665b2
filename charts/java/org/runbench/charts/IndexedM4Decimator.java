package org.runbench.charts;

/**
 * Decimates a line whose x never decreases and whose y values are all finite, with the same output as
 * {@link M4Decimator} on the whole line, in time that grows with the number of columns, not of visible
 * points.
 *
 * <p>Nothing is copied. The visible range and every column's end are found by binary search on x, and each
 * column's minimum and maximum come from the line's {@link BlockExtremes}, so a column costs two partial
 * blocks plus one lookup per whole block. When columns hold few points, reading them all is cheaper and is
 * done instead. The rules it reproduces from {@link M4Decimator} for such input:
 * <ul>
 *   <li>a column keeps its first point, first minimum, first maximum and last point, in index order, each
 *       once;</li>
 *   <li>the last point left of {@code xMin} is kept when a point follows it, and the first point right of
 *       {@code xMax} is kept when a point precedes it.</li>
 * </ul>
 * Source indices are indices into the whole line. All methods are static and thread-safe.
 */
final class IndexedM4Decimator {

    /**
     * Average number of visible points per column below which every visible point is read instead of
     * searching for column ends and reading the index. Both ways give the same output. The value is an
     * estimate: on 20 lines of 1,000,000 points at 700 columns the two took about the same time at 16 to 32
     * points per column, and searching was faster from 64 on.
     */
    static final int SCAN_POINTS_PER_COLUMN = 32;

    private IndexedM4Decimator() {
    }

    /**
     * Decimates {@code extremes.values()}, the raw or smoothed y of {@code line}, for a plot showing
     * {@code [xMin, xMax]} across {@code pixelWidth} columns.
     *
     * @param line       the line whose x values to use; {@link PlotLine#xSorted} must be true
     * @param extremes   index of the y values to decimate, which must be parallel to the line's x
     * @param xMin       left edge of the visible range, finite
     * @param xMax       right edge of the visible range, finite and not less than {@code xMin}
     * @param pixelWidth number of pixel columns, at least 1
     * @throws IllegalArgumentException when the range or width is invalid, as {@link M4Decimator} throws it
     */
    static DecimatedSeries decimate(PlotLine line, BlockExtremes extremes, double xMin, double xMax,
                                    int pixelWidth) {
        return decimate(line, extremes, xMin, xMax, pixelWidth, SCAN_POINTS_PER_COLUMN);
    }

    /**
     * Decimates as {@link #decimate(PlotLine, BlockExtremes, double, double, int)} does, reading every visible
     * point when there are fewer than {@code scanPointsPerColumn} per column on average; tests pass 0 or
     * {@link Integer#MAX_VALUE} to force one way.
     */
    static DecimatedSeries decimate(PlotLine line, BlockExtremes extremes, double xMin, double xMax,
                                    int pixelWidth, int scanPointsPerColumn) {
        M4Decimator.checkRange(xMin, xMax, pixelWidth);
        int size = line.size();
        if (size == 0) {
            return DecimatedSeries.empty();
        }
        int insideFrom = line.firstAtLeast(xMin);
        int insideTo = line.firstAbove(xMax);
        int inside = insideTo - insideFrom;
        // Each column keeps at most four of its points, and the two edge points come on top.
        int capacity = (int) Math.min(inside, 4L * pixelWidth) + 2;
        Output output = new Output(line, extremes.values(), capacity);

        if (insideFrom > 0 && insideFrom < size) {
            output.append(insideFrom - 1);
        }
        Columns columns = new Columns(line, xMin, xMax, pixelWidth);
        if (inside == 0) {
            // No column has a point, so only the edge points are written.
        } else if (inside < scanPointsPerColumn * (long) pixelWidth) {
            scanColumns(columns, extremes.values(), insideFrom, insideTo, output);
        } else {
            searchColumns(columns, extremes, insideFrom, insideTo, output);
        }
        if (insideTo < size && insideTo > 0) {
            output.append(insideTo);
        }
        return output.result();
    }

    /** Reads every point of {@code [from, to)} once, which is cheaper than searching when columns are short. */
    private static void scanColumns(Columns columns, double[] y, int from, int to, Output output) {
        int column = columns.columnOf(from);
        int first = from;
        int min = from;
        int max = from;
        for (int i = from + 1; i < to; i++) {
            int next = columns.columnOf(i);
            if (next != column) {
                output.appendColumn(first, min, max, i - 1);
                column = next;
                first = i;
                min = i;
                max = i;
            } else if (y[i] < y[min]) {
                min = i;
            } else if (y[i] > y[max]) {
                max = i;
            }
        }
        output.appendColumn(first, min, max, to - 1);
    }

    /** Finds each column's end by binary search and its extremes from the index, skipping whole blocks. */
    private static void searchColumns(Columns columns, BlockExtremes extremes, int from, int to, Output output) {
        BlockExtremes.Found found = new BlockExtremes.Found();
        int start = from;
        while (start < to) {
            int end = columns.endOfColumn(start, to);
            extremes.findExtremes(start, end, found);
            output.appendColumn(start, found.min, found.max, end - 1);
            start = end;
        }
    }

    /** Pixel column of each x, computed exactly as {@link M4Decimator} does so both group points alike. */
    private static final class Columns {

        private final PlotLine line;
        private final double xMin;
        private final int pixelWidth;
        private final double columnsPerUnit;

        Columns(PlotLine line, double xMin, double xMax, int pixelWidth) {
            this.line = line;
            this.xMin = xMin;
            this.pixelWidth = pixelWidth;
            this.columnsPerUnit = xMax > xMin ? pixelWidth / (xMax - xMin) : 0.0;
        }

        int columnOf(int index) {
            int column = (int) ((line.x(index) - xMin) * columnsPerUnit);
            return column >= pixelWidth ? pixelWidth - 1 : column;
        }

        /**
         * Returns the first index after {@code start} that lies in a later column than {@code start}, or
         * {@code limit} when there is none before it. Sorted x makes the column never decrease, so the result
         * is bracketed by probes at doubling distances and then found by binary search, which costs
         * O(log n) column computations for a column of n points.
         */
        int endOfColumn(int start, int limit) {
            int column = columnOf(start);
            int sameColumn = start;
            int later = limit;
            for (long step = 1; ; step <<= 1) {
                long probe = sameColumn + step;
                if (probe >= limit) {
                    break;
                }
                if (columnOf((int) probe) > column) {
                    later = (int) probe;
                    break;
                }
                sameColumn = (int) probe;
            }
            int low = sameColumn + 1;
            while (low < later) {
                int middle = (low + later) >>> 1;
                if (columnOf(middle) > column) {
                    later = middle;
                } else {
                    low = middle + 1;
                }
            }
            return later;
        }
    }

    /** Output buffers, filled in index order with {@link M4Decimator}'s rule that a point is written once. */
    private static final class Output {

        private final PlotLine line;
        private final double[] y;
        private final double[] outX;
        private final double[] outY;
        private final int[] outSource;
        private int outSize;
        private int lastEmitted = -1;

        Output(PlotLine line, double[] y, int capacity) {
            this.line = line;
            this.y = y;
            outX = new double[capacity];
            outY = new double[capacity];
            outSource = new int[capacity];
        }

        /** Writes a column's first, minimum, maximum and last point in the order {@link M4Decimator} writes them. */
        void appendColumn(int first, int min, int max, int last) {
            append(first);
            if (min < max) {
                appendOnce(min);
                appendOnce(max);
            } else {
                appendOnce(max);
                appendOnce(min);
            }
            appendOnce(last);
        }

        private void appendOnce(int index) {
            if (index > lastEmitted) {
                append(index);
            }
        }

        void append(int index) {
            outX[outSize] = line.x(index);
            outY[outSize] = y[index];
            outSource[outSize] = index;
            outSize++;
            lastEmitted = index;
        }

        DecimatedSeries result() {
            return new DecimatedSeries(outX, outY, outSource, outSize);
        }
    }
}
