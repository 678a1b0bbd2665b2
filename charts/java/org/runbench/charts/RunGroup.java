package org.runbench.charts;

import java.awt.Color;
import java.util.List;
import java.util.Objects;

/**
 * Runs drawn together as one line (their mean) with a band, such as one configuration trained with several
 * seeds.
 *
 * @param label   legend label of the group, such as the shared hyperparameter value
 * @param color   colour of the mean line and band
 * @param members indexes of the member runs in the list given to {@link MetricChartFactory#create}
 */
public record RunGroup(String label, Color color, List<Integer> members) {
    public RunGroup {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(color, "color");
        members = List.copyOf(members);
    }
}
