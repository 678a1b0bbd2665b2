package org.runbench.views;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.runbench.model.Hyperparameter;
import org.runbench.model.Run;
import org.runbench.model.RunId;
import org.runbench.model.RunStatus;

class RunGroupingTest {

    private static final List<Hyperparameter> PARAMETERS = List.of(new Hyperparameter("Args", "lr", "0.1", "float"),
            new Hyperparameter("Args", "seed", "3", "int"));

    @Test
    void hyperparameterBySectionAndNameOrName() {
        assertThat(new RunGrouping(GroupMode.HYPERPARAMETER, "Args/lr").groupOf(row("a", List.of()), PARAMETERS))
                .isEqualTo("Args/lr = 0.1");
        assertThat(new RunGrouping(GroupMode.HYPERPARAMETER, "lr").groupOf(row("a", List.of()), PARAMETERS))
                .isEqualTo("Args/lr = 0.1");
        assertThat(new RunGrouping(GroupMode.HYPERPARAMETER, "Args/momentum").groupOf(row("a", List.of()), PARAMETERS))
                .isEqualTo("Args/momentum not set");
    }

    @Test
    void namePatternUsesFirstGroupOrWholeMatch() {
        assertThat(new RunGrouping(GroupMode.NAME_PATTERN, "(.*)_seed\\d+").groupOf(row("resnet_seed2", List.of()), List.of()))
                .isEqualTo("resnet");
        assertThat(new RunGrouping(GroupMode.NAME_PATTERN, "CartPole").groupOf(row("a2c/CartPole-v1_1", List.of()), List.of()))
                .isEqualTo("CartPole");
        assertThat(new RunGrouping(GroupMode.NAME_PATTERN, "seed").groupOf(row("baseline", List.of()), List.of())).isNull();
    }

    @Test
    void tagPatternPicksFirstMatchingTag() {
        RunRow tagged = row("a", List.of("team-vision", "lr-high"));
        assertThat(new RunGrouping(GroupMode.TAG, "^lr-").groupOf(tagged, List.of())).isEqualTo("tag lr-high");
        assertThat(new RunGrouping(GroupMode.TAG, "").groupOf(tagged, List.of())).isEqualTo("tag team-vision");
        assertThat(new RunGrouping(GroupMode.TAG, "^none").groupOf(tagged, List.of())).isEqualTo("no matching tag");
    }

    @Test
    void invalidRegexMatchesLiterally() {
        assertThat(new RunGrouping(GroupMode.NAME_PATTERN, "v1_(").groupOf(row("x-v1_(a)", List.of()), List.of()))
                .isEqualTo("v1_(");
        assertThat(new RunGrouping(GroupMode.NONE, "anything").groupOf(row("a", List.of()), PARAMETERS)).isNull();
    }

    private static RunRow row(String name, List<String> tags) {
        Run run = new Run(RunId.local(name), "p", name, RunStatus.COMPLETED, "", "", tags, null, null, null, null, 1,
                null, null, "", null, false);
        return RunRow.of(run, List.of());
    }
}
