package org.runbench.charts;

/**
 * Index of the first minimum and first maximum of each block of {@value #BLOCK_SIZE} consecutive values of
 * one array of finite numbers, so the extremes of a long index range cost two partial-block scans plus one
 * lookup per whole block between them.
 *
 * <p>"First" means the lowest index among equal values, found with strict {@code <} and {@code >} as
 * {@link M4Decimator} does, so -0.0 and 0.0 count as equal. The index stores two ints per block and keeps a
 * reference to the array, which must not change afterwards. Instances are immutable and thread-safe.
 */
final class BlockExtremes {

    /** log2 of {@link #BLOCK_SIZE}. */
    static final int BLOCK_SHIFT = 6;
    /** Number of consecutive values summarised by one entry. */
    static final int BLOCK_SIZE = 1 << BLOCK_SHIFT;

    private static final long BLOCK_MASK = BLOCK_SIZE - 1;

    private final double[] values;
    /** Index into {@link #values} of the first minimum of each block. */
    private final int[] blockMin;
    /** Index into {@link #values} of the first maximum of each block. */
    private final int[] blockMax;

    private BlockExtremes(double[] values, int[] blockMin, int[] blockMax) {
        this.values = values;
        this.blockMin = blockMin;
        this.blockMax = blockMax;
    }

    /** Builds the index of {@code values} in one pass, or returns null when one of them is NaN or infinite. */
    static BlockExtremes ofFinite(double[] values) {
        int blocks = (values.length >>> BLOCK_SHIFT) + ((values.length & BLOCK_MASK) != 0 ? 1 : 0);
        int[] blockMin = new int[blocks];
        int[] blockMax = new int[blocks];
        for (int block = 0; block < blocks; block++) {
            int start = block << BLOCK_SHIFT;
            int end = Math.min(values.length, start + BLOCK_SIZE);
            int min = start;
            int max = start;
            for (int i = start; i < end; i++) {
                double value = values[i];
                if (!Double.isFinite(value)) {
                    return null;
                }
                if (value < values[min]) {
                    min = i;
                } else if (value > values[max]) {
                    max = i;
                }
            }
            blockMin[block] = min;
            blockMax[block] = max;
        }
        return new BlockExtremes(values, blockMin, blockMax);
    }

    /** Returns the indexed array itself; callers must not change it. */
    double[] values() {
        return values;
    }

    /**
     * Finds the first minimum and first maximum among {@code values[from..to)} in one pass and stores them in
     * {@code found}. Needs {@code from < to}.
     */
    void findExtremes(int from, int to, Found found) {
        int min = from;
        int max = from;
        int wholeFrom = firstBlockStart(from, to);
        for (int i = from + 1; i < wholeFrom; i++) {
            if (values[i] < values[min]) {
                min = i;
            } else if (values[i] > values[max]) {
                max = i;
            }
        }
        int i = wholeFrom;
        for (; to - i >= BLOCK_SIZE; i += BLOCK_SIZE) {
            int block = i >>> BLOCK_SHIFT;
            if (values[blockMin[block]] < values[min]) {
                min = blockMin[block];
            }
            if (values[blockMax[block]] > values[max]) {
                max = blockMax[block];
            }
        }
        for (; i < to; i++) {
            if (values[i] < values[min]) {
                min = i;
            } else if (values[i] > values[max]) {
                max = i;
            }
        }
        found.min = min;
        found.max = max;
    }

    /** Indices written by {@link #findExtremes}, in an instance that one caller reuses between calls. */
    static final class Found {
        int min;
        int max;
    }

    /** Returns the first block boundary at or after {@code from}, or {@code to} when that comes first. */
    private static int firstBlockStart(int from, int to) {
        long boundary = (from + BLOCK_MASK) & ~BLOCK_MASK;
        return (int) Math.min(to, boundary);
    }
}
