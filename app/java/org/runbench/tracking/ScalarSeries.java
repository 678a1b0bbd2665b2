package org.runbench.tracking;

import java.util.List;
import org.runbench.model.PointSeries;
import org.runbench.model.SeriesKey;

/**
 * One scalar series read at full resolution, with the single-value points reported apart.
 *
 * @param points       points in server order (ascending iteration) without single-value points
 * @param singleValues values reported at the special iteration {@link #SINGLE_VALUE_ITERATION}
 * @param pages        number of non-empty pages read
 */
public record ScalarSeries(SeriesKey key, PointSeries points, List<Double> singleValues, int pages) {

    /** The iteration (-2^31) at which ClearML stores "single value" scalars. */
    public static final long SINGLE_VALUE_ITERATION = Integer.MIN_VALUE;

    public ScalarSeries {
        singleValues = List.copyOf(singleValues);
    }
}
