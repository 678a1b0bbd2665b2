package org.runbench.charts;

/** Scale of the y axis of a metric chart. */
public enum YAxisScale {

    LINEAR,

    /** Base-10 logarithmic scale; values of zero or less cannot be shown and are counted in a note. */
    LOG
}
