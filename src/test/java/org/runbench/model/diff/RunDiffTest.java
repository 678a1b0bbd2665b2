package org.runbench.model.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.runbench.model.ConfigurationItem;
import org.runbench.model.Hyperparameter;
import org.runbench.sync.local.LocalRunReader;
import org.runbench.sync.local.ParsedRun;

class RunDiffTest {

    private static final String ZOO = "real-runs/rl-trained-agents/";
    private static final String YOLO = "real-runs/yolov5-pruning/runs/train/";

    @Test
    void zooRunsEqualOnlyInPolicyAndEnv() throws Exception {
        RunDiff diff = RunDiff.compare(read(ZOO + "dqn/CartPole-v1_1/0.monitor.csv",
                ZOO + "ppo/CartPole-v1_1/0.monitor.csv", ZOO + "trpo/CartPole-v1_1/0.monitor.csv"));

        assertThat(diff.runLabels()).containsExactly("dqn/CartPole-v1_1", "ppo/CartPole-v1_1", "trpo/CartPole-v1_1");
        assertThat(keys(diff.differingRows())).containsExactlyInAnyOrder("monitor/t_start",
                "Configuration/monitor header", "config/batch_size", "config/buffer_size", "config/exploration_final_eps",
                "config/exploration_fraction", "config/gamma", "config/gradient_steps", "config/learning_rate",
                "config/learning_starts", "config/n_timesteps", "config/policy_kwargs",
                "config/target_update_interval", "config/train_freq", "config/clip_range", "config/ent_coef",
                "config/gae_lambda", "config/n_envs", "config/n_epochs", "config/n_steps", "config/cg_damping",
                "config/n_critic_updates", "Configuration/CartPole-v1/config.yml");
        assertThat(keys(diff.rows().stream().filter(row -> !row.differs()).toList()))
                .containsExactly("monitor/env_id", "config/policy");
    }

    @Test
    void zooLearningRateShowsStringAgainstFloat() throws Exception {
        RunDiff diff = RunDiff.compare(read(ZOO + "dqn/CartPole-v1_1/0.monitor.csv",
                ZOO + "ppo/CartPole-v1_1/0.monitor.csv", ZOO + "trpo/CartPole-v1_1/0.monitor.csv"));

        DiffRow learningRate = row(diff, "config/learning_rate");
        assertThat(learningRate.cells()).containsExactly(DiffCell.of("0.0023", "float"),
                DiffCell.of("lin_0.001", "str"), DiffCell.of("0.001", "float"));
        assertThat(learningRate.typesDiffer()).isTrue();
    }

    @Test
    void zooTrpoOnlyKeyIsAbsentElsewhere() throws Exception {
        RunDiff diff = RunDiff.compare(read(ZOO + "dqn/CartPole-v1_1/0.monitor.csv",
                ZOO + "ppo/CartPole-v1_1/0.monitor.csv", ZOO + "trpo/CartPole-v1_1/0.monitor.csv"));

        DiffRow cgDamping = row(diff, "config/cg_damping");
        assertThat(cgDamping.cells()).containsExactly(DiffCell.ABSENT, DiffCell.ABSENT, DiffCell.of("0.001", "float"));
        assertThat(cgDamping.isMissingInSomeRun()).isTrue();
        assertThat(cgDamping.typesDiffer()).isFalse();
    }

    @Test
    void yoloOptionPairDiffersInExactlySevenKeys() throws Exception {
        RunDiff diff = RunDiff.compare(read(YOLO + "vn_normal_train/results.csv", YOLO + "vn_25_prune/results.csv"));

        List<DiffRow> hyperparameters = diff.differingRows().stream()
                .filter(row -> row.kind() == DiffRow.Kind.HYPERPARAMETER).toList();
        assertThat(keys(hyperparameters)).containsExactly(
                "opt/st", "opt/sr", "opt/weights", "opt/cfg", "opt/name", "opt/save_dir", "hyp/lrf");
        assertThat(row(diff, "opt/st").cells()).containsExactly(DiffCell.of("true", "bool"), DiffCell.ABSENT);
        assertThat(row(diff, "opt/sr").cells()).containsExactly(DiffCell.of("0.0005", "float"), DiffCell.ABSENT);
        assertThat(row(diff, "hyp/lrf").cells()).containsExactly(DiffCell.of("0.01", "float"), DiffCell.of("0.1", "float"));
    }

    @Test
    void yoloOptionFilesDifferAsLongConfiguration() throws Exception {
        RunDiff diff = RunDiff.compare(read(YOLO + "vn_normal_train/results.csv", YOLO + "vn_25_prune/results.csv"));

        DiffRow optYaml = row(diff, "Configuration/opt.yaml");
        assertThat(optYaml.kind()).isEqualTo(DiffRow.Kind.CONFIGURATION);
        assertThat(optYaml.differs()).isTrue();
        assertThat(optYaml.isLong()).isTrue();
        assertThat(diff.sections()).containsExactly("opt", "hyp", "Configuration");
    }

    @Test
    void handmadeRunsDifferInExpectedKeys() throws Exception {
        RunDiff diff = RunDiff.compare(readHandmade());

        assertThat(diff.runLabels()).containsExactly("base", "tuned", "typed");
        assertThat(keys(diff.differingRows())).containsExactly("opt/lr", "opt/batch_size", "opt/prompt",
                "opt/warmup_epochs", "opt/dataset_description", "augment/mixup", "Configuration/opt.yaml");
        assertThat(keys(diff.rows())).containsExactly("opt/lr", "opt/batch_size", "opt/optimizer", "opt/seed",
                "opt/note", "opt/prompt", "opt/warmup_epochs", "opt/dataset_description", "augment/mosaic",
                "augment/mixup", "Configuration/opt.yaml");
    }

    @Test
    void handmadeQuotedNumberDiffersByTypeOnly() throws Exception {
        RunDiff diff = RunDiff.compare(readHandmade());

        DiffRow lr = row(diff, "opt/lr");
        assertThat(lr.cells()).extracting(DiffCell::value).containsOnly("0.001");
        assertThat(lr.cells()).extracting(DiffCell::type).containsExactly("float", "float", "str");
        assertThat(lr.typesDiffer()).isTrue();
        assertThat(lr.differs()).isTrue();
    }

    @Test
    void handmadeLongValuesAreFlagged() throws Exception {
        RunDiff diff = RunDiff.compare(readHandmade());

        assertThat(keys(diff.rows().stream().filter(DiffRow::isLong).toList()))
                .containsExactly("opt/prompt", "opt/dataset_description", "Configuration/opt.yaml");
    }

    @Test
    void emptyTypeDoesNotContradictKnownType() {
        RunDiff diff = RunDiff.compare(List.of(
                run("a", new Hyperparameter("Args", "lr", "0.1", "")),
                run("b", new Hyperparameter("Args", "lr", "0.1", "float"))));

        DiffRow lr = diff.rows().get(0);
        assertThat(lr.typesDiffer()).isFalse();
        assertThat(lr.differs()).isFalse();
    }

    @Test
    void textComparisonIsExact() {
        RunDiff diff = RunDiff.compare(List.of(
                run("a", new Hyperparameter("Args", "lr", "0.10", "float"),
                        new Hyperparameter("Args", "name", "exp", "str")),
                run("b", new Hyperparameter("Args", "lr", "0.1", "float"),
                        new Hyperparameter("Args", "name", "exp ", "str"))));

        assertThat(keys(diff.differingRows())).containsExactly("Args/lr", "Args/name");
    }

    @Test
    void emptyValueDiffersFromAbsentKey() {
        RunDiff diff = RunDiff.compare(List.of(
                run("a", new Hyperparameter("General", "note", "", "str")),
                run("b")));

        DiffRow note = diff.rows().get(0);
        assertThat(note.cells()).containsExactly(DiffCell.of("", "str"), DiffCell.ABSENT);
        assertThat(note.differs()).isTrue();
    }

    @Test
    void sectionsKeepFirstSeenOrder() {
        RunDiff diff = RunDiff.compare(List.of(
                run("a", new Hyperparameter("General", "epochs", "10", "int"),
                        new Hyperparameter("Args", "lr", "0.1", "float")),
                run("b", new Hyperparameter("Args", "momentum", "0.9", "float"),
                        new Hyperparameter("Data", "root", "/data", "str"),
                        new Hyperparameter("General", "epochs", "10", "int"))));

        assertThat(keys(diff.rows())).containsExactly("General/epochs", "Args/lr", "Args/momentum", "Data/root");
        assertThat(diff.sections()).containsExactly("General", "Args", "Data");
    }

    @Test
    void configurationComesAfterEverySection() {
        RunDiff diff = RunDiff.compare(List.of(
                new RunParameters("a", List.of(), List.of(new ConfigurationItem("config.yaml", "yaml", "a: 1"))),
                new RunParameters("b", List.of(new Hyperparameter("Args", "lr", "0.1", "float")), List.of())));

        assertThat(keys(diff.rows())).containsExactly("Args/lr", "Configuration/config.yaml");
    }

    @Test
    void repeatedKeyKeepsFirstValue() {
        RunDiff diff = RunDiff.compare(List.of(
                run("a", new Hyperparameter("Args", "lr", "0.1", "float"), new Hyperparameter("Args", "lr", "0.2", "float")),
                run("b", new Hyperparameter("Args", "lr", "0.1", "float"))));

        assertThat(diff.rows()).hasSize(1);
        assertThat(diff.rows().get(0).differs()).isFalse();
    }

    @Test
    void lengthLimitMarksLongValues() {
        String limit = "x".repeat(DiffCell.LONG_VALUE_LENGTH);

        assertThat(DiffCell.of(limit, "str").isLong()).isFalse();
        assertThat(DiffCell.of(limit + "x", "str").isLong()).isTrue();
        assertThat(DiffCell.of("a\nb", "str").isLong()).isTrue();
        assertThat(DiffCell.of("a\rb", "str").isLong()).isTrue();
        assertThat(DiffCell.ABSENT.isLong()).isFalse();
    }

    @Test
    void singleRunHasNoDifferences() {
        RunDiff diff = RunDiff.compare(List.of(run("a", new Hyperparameter("Args", "lr", "0.1", "float"))));

        assertThat(diff.rows()).hasSize(1);
        assertThat(diff.differingRows()).isEmpty();
    }

    private static RunParameters run(String label, Hyperparameter... hyperparameters) {
        return new RunParameters(label, List.of(hyperparameters), List.of());
    }

    private static DiffRow row(RunDiff diff, String key) {
        return diff.rows().stream().filter(row -> row.key().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + key + " in " + keys(diff.rows())));
    }

    private static List<String> keys(List<DiffRow> rows) {
        return rows.stream().map(DiffRow::key).toList();
    }

    static List<RunParameters> read(String... resources) throws IOException, URISyntaxException {
        List<Path> paths = new java.util.ArrayList<>();
        for (String resource : resources) {
            paths.add(resource(resource));
        }
        return parameters(new LocalRunReader().read(paths));
    }

    static List<RunParameters> readHandmade() throws IOException, URISyntaxException {
        return parameters(new LocalRunReader().read(List.of(resource("diff/handmade"))));
    }

    private static List<RunParameters> parameters(List<ParsedRun> runs) {
        return runs.stream().map(run -> new RunParameters(run.name(), run.hyperparameters(), run.configuration())).toList();
    }

    private static Path resource(String relative) throws URISyntaxException {
        return Path.of(RunDiffTest.class.getResource("/" + relative).toURI());
    }
}
