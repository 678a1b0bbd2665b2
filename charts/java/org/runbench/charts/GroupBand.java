package org.runbench.charts;

/** Extent of the band drawn around a group's mean line. */
public enum GroupBand {
    /** From the lowest to the highest member value at each x. */
    MIN_MAX,
    /** One standard deviation of the member values above and below the mean. */
    STANDARD_DEVIATION
}
