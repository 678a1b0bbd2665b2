package org.runbench.charts;

/** Quantity on the x axis of a metric chart. */
public enum XAxisMode {

    /** The iteration (step) each point was reported at. */
    ITERATION("Iteration"),

    /** Wall-clock time of each point, shown as dates; points without a timestamp are left out. */
    WALL_TIME("Time"),

    /** Seconds since the run's earliest timestamp; points without a timestamp are left out. */
    RELATIVE_TIME("Seconds since run start");

    private final String axisLabel;

    XAxisMode(String axisLabel) {
        this.axisLabel = axisLabel;
    }

    public String axisLabel() {
        return axisLabel;
    }

    /** Returns whether this mode needs a timestamp on every point it draws. */
    public boolean usesTimestamps() {
        return this != ITERATION;
    }
}
