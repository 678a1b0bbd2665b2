package org.runbench.sync.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Naming of runs imported together. */
class RunNamesTest {

    private static List<String> path(String slashSeparated) {
        return Arrays.asList(slashSeparated.split("/"));
    }

    @Test
    void sameFolderNameGetsParentFolder() {
        List<String> names = RunNames.uniqueNames(List.of(
                path("zoo/a2c/CartPole-v1_1/0.monitor.csv"), path("zoo/ppo/CartPole-v1_1/0.monitor.csv")));

        assertThat(names).containsExactly("a2c/CartPole-v1_1", "ppo/CartPole-v1_1");
    }

    @Test
    void distinctFoldersNeedOneSegment() {
        List<String> names = RunNames.uniqueNames(List.of(path("train/exp1/results.csv"), path("train/exp2/results.csv")));

        assertThat(names).containsExactly("exp1", "exp2");
    }

    @Test
    void unusualFileNameIsKept() {
        List<String> names = RunNames.uniqueNames(List.of(path("keras/run1/history.csv"), path("keras/run2/history.csv")));

        assertThat(names).containsExactly("run1/history.csv", "run2/history.csv");
    }

    @Test
    void sharedFolderKeepsFileNames() {
        List<String> names = RunNames.uniqueNames(List.of(path("runs/ppo/0.monitor.csv"), path("runs/ppo/1.monitor.csv")));

        assertThat(names).containsExactly("ppo/0.monitor.csv", "ppo/1.monitor.csv");
    }

    @Test
    void nestedRunNamedApartFromOuter() {
        List<String> names = RunNames.uniqueNames(List.of(
                path("whisper/trainer_state.json"), path("whisper/last-checkpoint/trainer_state.json")));

        assertThat(names).containsExactly("whisper", "last-checkpoint");
    }

    @Test
    void singleUsualFileWithoutFolderKeepsItsName() {
        assertThat(RunNames.uniqueNames(List.of(path("results.csv")))).containsExactly("results.csv");
    }

    @Test
    void taskIdHasPrefixAndSixteenHexDigits() {
        assertThat(RunNames.taskId("/data/run/results.csv")).matches("local-[0-9a-f]{16}")
                .isEqualTo(RunNames.taskId("/data/run/results.csv"))
                .isNotEqualTo(RunNames.taskId("/data/run2/results.csv"));
    }
}
