package org.runbench.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.runbench.model.RunId;

class RunColorsTest {

    @Test
    void runKeepsItsColorOnEveryRequest() {
        RunColors colors = new RunColors();
        RunId first = new RunId("server-a", "task-1");
        RunId second = new RunId("server-a", "task-2");

        Color firstColor = colors.colorOf(first);
        colors.colorOf(second);

        assertThat(colors.colorOf(first)).isEqualTo(firstColor);
        assertThat(colors.colorOf(new RunId("server-a", "task-1"))).isEqualTo(firstColor);
    }

    @Test
    void firstRunsGetDistinctPaletteColors() {
        RunColors colors = new RunColors();
        Set<Color> seen = new HashSet<>();

        for (int i = 0; i < ColorPalette.size(); i++) {
            seen.add(colors.colorOf(RunId.local("run-" + i)));
        }

        assertThat(seen).hasSize(ColorPalette.size());
    }

    @Test
    void paletteStartsWithOkabeItoBlueAndKeepsYellowLate() {
        assertThat(ColorPalette.color(0)).isEqualTo(new Color(0x0072B2));
        assertThat(ColorPalette.color(7)).isEqualTo(new Color(0xF0E442));
    }

    @Test
    void paletteWrapsAround() {
        assertThat(ColorPalette.color(ColorPalette.size())).isEqualTo(ColorPalette.color(0));
    }
}
