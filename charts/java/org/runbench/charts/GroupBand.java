package org.runbench.charts;

/** What the band around a group's mean line shows. */
public enum GroupBand {
    /** From the lowest to the highest member value at each x. */
    MIN_MAX,
    /** One standard deviation of the member values above and below the mean. */
    STANDARD_DEVIATION
}
