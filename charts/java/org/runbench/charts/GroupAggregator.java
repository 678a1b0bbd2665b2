package org.runbench.charts;

import java.util.Arrays;
import java.util.List;

/**
 * Aligns the member lines of a group on the x axis and computes, at each aligned x, the mean of the members'
 * values and the band around it.
 *
 * <p>When the members share few distinct x values (at most {@link #MAX_EXACT_POSITIONS}, as runs that log
 * at the same steps do), each distinct x is one position. Otherwise the x range is cut into
 * {@link #BINS} equal bins. Each member contributes one value per position: the mean of its finite values
 * there, so a resumed run that repeats an x counts once. Positions where no member has a value are left out.
 */
final class GroupAggregator {

    static final int MAX_EXACT_POSITIONS = 20_000;
    static final int BINS = 2_000;

    private GroupAggregator() {
    }

    /** Mean line and band of a group: parallel arrays, one entry per aligned x. */
    record Aggregate(double[] x, double[] mean, double[] low, double[] high, int[] members) {
        int size() {
            return x.length;
        }
    }

    static Aggregate aggregate(List<PlotLine> members, GroupBand band) {
        double[] positions = exactPositions(members);
        boolean exact = positions != null;
        if (!exact) {
            positions = binEdges(members);
            if (positions == null) {
                return new Aggregate(new double[0], new double[0], new double[0], new double[0], new int[0]);
            }
        }
        int slots = exact ? positions.length : BINS;
        double[][] perMember = new double[members.size()][];
        for (int m = 0; m < members.size(); m++) {
            perMember[m] = memberValues(members.get(m), positions, exact, slots);
        }

        double[] x = new double[slots];
        double[] mean = new double[slots];
        double[] low = new double[slots];
        double[] high = new double[slots];
        int[] counts = new int[slots];
        int kept = 0;
        for (int slot = 0; slot < slots; slot++) {
            double sum = 0;
            double sumSquares = 0;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            int count = 0;
            for (double[] values : perMember) {
                double value = values[slot];
                if (Double.isNaN(value)) {
                    continue;
                }
                sum += value;
                sumSquares += value * value;
                min = Math.min(min, value);
                max = Math.max(max, value);
                count++;
            }
            if (count == 0) {
                continue;
            }
            double average = sum / count;
            x[kept] = exact ? positions[slot] : (positions[0] + (slot + 0.5) * positions[1]);
            mean[kept] = average;
            if (band == GroupBand.MIN_MAX) {
                low[kept] = min;
                high[kept] = max;
            } else {
                double deviation = Math.sqrt(Math.max(0, sumSquares / count - average * average));
                low[kept] = average - deviation;
                high[kept] = average + deviation;
            }
            counts[kept] = count;
            kept++;
        }
        return new Aggregate(Arrays.copyOf(x, kept), Arrays.copyOf(mean, kept), Arrays.copyOf(low, kept),
                Arrays.copyOf(high, kept), Arrays.copyOf(counts, kept));
    }

    /** Returns the sorted distinct x values of all members, or null when there are too many to align exactly. */
    private static double[] exactPositions(List<PlotLine> members) {
        int total = 0;
        for (PlotLine line : members) {
            total += line.size();
        }
        double[] all = new double[total];
        int offset = 0;
        for (PlotLine line : members) {
            System.arraycopy(line.xValues(), 0, all, offset, line.size());
            offset += line.size();
        }
        Arrays.sort(all);
        int distinct = 0;
        for (int i = 0; i < all.length; i++) {
            if (i == 0 || all[i] != all[i - 1]) {
                all[distinct++] = all[i];
                if (distinct > MAX_EXACT_POSITIONS) {
                    return null;
                }
            }
        }
        return Arrays.copyOf(all, distinct);
    }

    /** Returns {first bin start, bin width} over the members' x range, or null when no member has a point. */
    private static double[] binEdges(List<PlotLine> members) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (PlotLine line : members) {
            for (double value : line.xValues()) {
                min = Math.min(min, value);
                max = Math.max(max, value);
            }
        }
        if (!(min <= max)) {
            return null;
        }
        double width = max > min ? (max - min) / BINS : 1.0;
        return new double[] {min, width};
    }

    /** Returns the member's mean finite value at each slot, NaN where it has none. */
    private static double[] memberValues(PlotLine line, double[] positions, boolean exact, int slots) {
        double[] sums = new double[slots];
        int[] counts = new int[slots];
        for (int i = 0; i < line.size(); i++) {
            double value = line.y[i];
            if (!Double.isFinite(value)) {
                continue;
            }
            double x = line.x(i);
            int slot = exact ? Arrays.binarySearch(positions, x)
                    : (int) Math.min(slots - 1, Math.floor((x - positions[0]) / positions[1]));
            sums[slot] += value;
            counts[slot]++;
        }
        double[] values = new double[slots];
        for (int slot = 0; slot < slots; slot++) {
            values[slot] = counts[slot] == 0 ? Double.NaN : sums[slot] / counts[slot];
        }
        return values;
    }
}
