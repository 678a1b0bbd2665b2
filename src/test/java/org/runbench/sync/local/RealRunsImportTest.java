package org.runbench.sync.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.runbench.model.Hyperparameter;
import org.runbench.model.PointSeries;
import org.runbench.model.RunId;
import org.runbench.model.RunStatus;
import org.runbench.model.SeriesKey;

/** Imports every real file under {@code real-runs} and checks the points against the file text. */
class RealRunsImportTest {

    private static Path realRuns;
    private final LocalRunReader reader = new LocalRunReader();

    @BeforeAll
    static void locateFixtures() throws URISyntaxException {
        realRuns = Path.of(RealRunsImportTest.class.getResource("/real-runs/SOURCES.md").toURI()).getParent();
    }

    @Test
    void fixturesMatchChecksumsInSources() throws Exception {
        String sources = Files.readString(realRuns.resolve("SOURCES.md"));
        Matcher line = Pattern.compile("(?m)^([0-9a-f]{64})  (\\S+)$").matcher(sources);
        int checked = 0;
        while (line.find()) {
            byte[] content = Files.readAllBytes(realRuns.resolve(line.group(2)));
            String actual = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
            assertThat(actual).as(line.group(2)).isEqualTo(line.group(1));
            checked++;
        }
        assertThat(checked).isEqualTo(15);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"a2c, 192, 62192", "ppo, 38, 12184", "dqn, 500, 50111", "trpo, 212, 49881"})
    void monitorFileImportsEveryEpisode(String algorithm, int rows, long totalSteps) throws IOException {
        Path file = realRuns.resolve("rl-trained-agents/" + algorithm + "/CartPole-v1_1/0.monitor.csv");
        ParsedRun run = reader.read(List.of(file)).get(0);

        List<String> lines = Files.readAllLines(file);
        double startSeconds = Double.parseDouble(lines.get(0).replaceAll(".*\"t_start\": *([0-9.]+).*", "$1"));
        List<String[]> episodes = lines.subList(2, lines.size()).stream().map(row -> row.split(",")).toList();
        PointSeries returns = run.series().get(new SeriesKey("episode", "return"));
        PointSeries lengths = run.series().get(new SeriesKey("episode", "length"));

        assertThat(episodes).hasSize(rows);
        assertThat(returns.size()).isEqualTo(rows);
        assertThat(lengths.size()).isEqualTo(rows);
        assertThat(returns.iteration(rows - 1)).isEqualTo(totalSteps);
        assertThat(run.run().lastIteration()).isEqualTo(totalSteps);

        long steps = 0;
        for (int row = 0; row < rows; row++) {
            String[] cells = episodes.get(row);
            steps += Long.parseLong(cells[1]);
            if (row == 0 || row == rows / 2 || row == rows - 1) {
                assertThat(returns.iteration(row)).as("step of row %d", row).isEqualTo(steps);
                assertThat(returns.value(row)).as("return of row %d", row).isEqualTo(Double.parseDouble(cells[0]));
                assertThat(lengths.value(row)).as("length of row %d", row).isEqualTo(Double.parseDouble(cells[1]));
                long expectedMillis = Math.round((startSeconds + Double.parseDouble(cells[2])) * 1000);
                assertThat(returns.timestamp(row)).as("timestamp of row %d", row).isEqualTo(expectedMillis);
            }
        }
    }

    @Test
    void monitorRunGetsStartAndEndFromHeader() throws IOException {
        ParsedRun run = reader.read(List.of(realRuns.resolve("rl-trained-agents/a2c/CartPole-v1_1/0.monitor.csv"))).get(0);

        assertThat(run.run().started().toEpochMilli()).isEqualTo(Math.round(1614619328.331583 * 1000));
        assertThat(run.run().completed().toEpochMilli()).isEqualTo(Math.round((1614619328.331583 + 220.757408) * 1000));
        assertThat(run.run().status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(run.hyperparameters()).contains(new Hyperparameter("monitor", "env_id", "CartPole-v1", "str"),
                new Hyperparameter("monitor", "t_start", "1614619328.331583", "float"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"vn_normal_train, 50", "vn_25_prune, 50", "vn_pruned_finetuned, 50", "exp22, 19"})
    void yoloResultsMatchFileText(String runFolder, int rows) throws IOException {
        Path file = realRuns.resolve("yolov5-pruning/runs/train/" + runFolder + "/results.csv");
        ParsedRun run = reader.read(List.of(file)).get(0);

        List<String> lines = Files.readAllLines(file);
        String[] header = lines.get(0).split(",");
        List<String[]> data = lines.subList(1, lines.size()).stream().map(row -> row.split(",")).toList();

        assertThat(data).hasSize(rows);
        assertThat(run.series()).hasSize(header.length - 1);
        List<String> expectedLabels = new ArrayList<>();
        for (int column = 1; column < header.length; column++) {
            expectedLabels.add(header[column].trim());
        }
        assertThat(run.series().keySet().stream().map(SeriesKey::label).toList()).isEqualTo(expectedLabels);
        for (int column = 1; column < header.length; column++) {
            PointSeries series = run.series().get(SeriesKey.fromLoggedName(header[column].trim()));
            assertThat(series.size()).as(header[column].trim()).isEqualTo(rows);
            for (int row : new int[] {0, rows / 2, rows - 1}) {
                String[] cells = data.get(row);
                assertThat(series.iteration(row)).isEqualTo(Long.parseLong(cells[0].trim()));
                assertThat(series.value(row)).as("%s row %d", header[column].trim(), row)
                        .isEqualTo(Double.parseDouble(cells[column].trim()));
                assertThat(series.timestamp(row)).isEqualTo(PointSeries.NO_TIMESTAMP);
            }
        }
        assertThat(run.run().lastIteration()).isEqualTo(rows - 1);
    }

    @Test
    void yoloBestMapIsNearestDoubleOfText() throws IOException {
        ParsedRun run = reader.read(List.of(realRuns.resolve("yolov5-pruning/runs/train/vn_normal_train/results.csv"))).get(0);
        PointSeries map = run.series().get(new SeriesKey("metrics", "mAP_0.5:0.95"));

        double best = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < map.size(); i++) {
            best = Math.max(best, map.value(i));
        }
        // The file holds 0.65165, which rounds to the 0.6517 of the fixture table.
        assertThat(best).isEqualTo(0.65165);
    }

    @Test
    void yoloOptionsKeepNestedHypSection() throws IOException {
        ParsedRun run = reader.read(List.of(realRuns.resolve("yolov5-pruning/runs/train/vn_25_prune/results.csv"))).get(0);
        Map<String, Hyperparameter> byKey = run.hyperparameters().stream()
                .collect(Collectors.toMap(Hyperparameter::key, parameter -> parameter));

        assertThat(run.hyperparameters().stream().filter(parameter -> parameter.section().equals("hyp"))).hasSize(28);
        assertThat(run.hyperparameters().stream().filter(parameter -> parameter.section().equals("opt"))).hasSize(38);
        assertThat(byKey.get("hyp/lrf")).isEqualTo(new Hyperparameter("hyp", "lrf", "0.1", "float"));
        assertThat(byKey.get("hyp/weight_decay")).isEqualTo(new Hyperparameter("hyp", "weight_decay", "0.0005", "float"));
        assertThat(byKey.get("opt/epochs")).isEqualTo(new Hyperparameter("opt", "epochs", "50", "int"));
        assertThat(byKey.get("opt/freeze")).isEqualTo(new Hyperparameter("opt", "freeze", "[0]", "list"));
        assertThat(byKey.get("opt/evolve")).isEqualTo(new Hyperparameter("opt", "evolve", "", "null"));
        assertThat(byKey.get("opt/bucket")).isEqualTo(new Hyperparameter("opt", "bucket", "", "str"));
        assertThat(byKey.get("opt/rect")).isEqualTo(new Hyperparameter("opt", "rect", "false", "bool"));
        assertThat(run.configuration()).singleElement().satisfies(item -> {
            assertThat(item.name()).isEqualTo("opt.yaml");
            assertThat(item.value()).isEqualTo(Files.readString(realRuns.resolve("yolov5-pruning/runs/train/vn_25_prune/opt.yaml")));
        });
    }

    @Test
    void zooConfigKeepsValueTypesPerRun() throws IOException {
        List<ParsedRun> runs = reader.read(List.of(realRuns.resolve("rl-trained-agents")));
        Map<String, ParsedRun> byName = runs.stream().collect(Collectors.toMap(ParsedRun::name, run -> run));

        assertThat(byName.get("ppo/CartPole-v1_1").hyperparameters())
                .contains(new Hyperparameter("config", "learning_rate", "lin_0.001", "str"),
                        new Hyperparameter("config", "n_timesteps", "100000.0", "float"));
        assertThat(byName.get("dqn/CartPole-v1_1").hyperparameters())
                .contains(new Hyperparameter("config", "learning_rate", "0.0023", "float"),
                        new Hyperparameter("config", "policy_kwargs", "dict(net_arch=[256, 256])", "str"),
                        new Hyperparameter("config", "batch_size", "64", "int"));
        assertThat(byName.get("trpo/CartPole-v1_1").hyperparameters().stream()
                .filter(parameter -> parameter.section().equals("config")).map(Hyperparameter::name).toList())
                .containsExactly("batch_size", "cg_damping", "gae_lambda", "gamma", "learning_rate",
                        "n_critic_updates", "n_envs", "n_steps", "n_timesteps", "policy");
        assertThat(byName.get("a2c/CartPole-v1_1").hyperparameters().stream()
                .filter(parameter -> parameter.section().equals("config"))).isEmpty();
    }

    @Test
    void cartPoleRunsAreNamedByAlgorithm() throws IOException {
        List<ParsedRun> runs = reader.read(List.of(realRuns.resolve("rl-trained-agents")));

        assertThat(runs).extracting(ParsedRun::name)
                .containsExactly("a2c/CartPole-v1_1", "dqn/CartPole-v1_1", "ppo/CartPole-v1_1", "trpo/CartPole-v1_1");
        assertThat(runs).extracting(ParsedRun::projectName).containsOnly("rl-trained-agents");
        assertThat(runs).extracting(run -> run.run().projectId()).containsOnly("rl-trained-agents");
    }

    @Test
    void wholeFixtureFolderNamesEveryRunApart() throws IOException {
        List<ParsedRun> runs = reader.read(List.of(realRuns));

        assertThat(runs).extracting(ParsedRun::name).containsExactly(
                "a2c/CartPole-v1_1", "dqn/CartPole-v1_1", "ppo/CartPole-v1_1", "trpo/CartPole-v1_1",
                "last-checkpoint", "whisper-ja-hf-trainer",
                "exp22", "vn_25_prune", "vn_normal_train", "vn_pruned_finetuned");
        assertThat(runs).extracting(ParsedRun::projectName).containsOnly("real-runs");
        assertThat(runs).extracting(ParsedRun::taskId).doesNotHaveDuplicates();
    }

    @Test
    void singleFileProjectIsItsFolder() throws IOException {
        ParsedRun run = reader.read(List.of(realRuns.resolve("yolov5-pruning/runs/train/exp22/results.csv"))).get(0);

        assertThat(run.name()).isEqualTo("exp22");
        assertThat(run.projectName()).isEqualTo("exp22");
        assertThat(run.sourcePath()).isEqualTo(realRuns.resolve("yolov5-pruning/runs/train/exp22/results.csv").toString());
        assertThat(run.run().lastUpdate())
                .isEqualTo(Files.getLastModifiedTime(realRuns.resolve("yolov5-pruning/runs/train/exp22/results.csv")).toInstant());
    }

    @Test
    void taskIdIsStableAcrossImports() throws IOException {
        Path file = realRuns.resolve("rl-trained-agents/dqn/CartPole-v1_1/0.monitor.csv");
        String first = reader.read(List.of(file)).get(0).taskId();
        String again = reader.read(List.of(realRuns.resolve("rl-trained-agents/dqn/../dqn/CartPole-v1_1/0.monitor.csv"))).get(0).taskId();
        String fromFolder = reader.read(List.of(realRuns.resolve("rl-trained-agents"))).get(1).taskId();

        assertThat(first).matches("local-[0-9a-f]{16}");
        assertThat(again).isEqualTo(first);
        assertThat(fromFolder).isEqualTo(first);
        assertThat(reader.read(List.of(file)).get(0).run().id()).isEqualTo(RunId.local(first));
    }

    @Test
    void trainerStateSplitsRecordKinds() throws IOException {
        Path file = realRuns.resolve("whisper-ja-hf-trainer/trainer_state.json");
        ParsedRun run = reader.read(List.of(file)).get(0);
        JsonNode history = new ObjectMapper().readTree(file.toFile()).get("log_history");

        assertThat(history).hasSize(206);
        assertThat(run.series().get(new SeriesKey("epoch", "epoch")).size()).isEqualTo(206);
        assertThat(run.series().get(new SeriesKey("loss", "loss")).size()).isEqualTo(200);
        assertThat(run.series().get(new SeriesKey("learning_rate", "learning_rate")).size()).isEqualTo(200);
        assertThat(run.series().get(new SeriesKey("eval_loss", "eval_loss")).size()).isEqualTo(5);
        assertThat(run.series().get(new SeriesKey("eval_wer", "eval_wer")).size()).isEqualTo(5);
        assertThat(run.series().get(new SeriesKey("train_runtime", "train_runtime")).size()).isEqualTo(1);
        assertThat(run.series().keySet()).extracting(SeriesKey::metric).startsWith("epoch", "learning_rate", "loss", "eval_loss");

        PointSeries loss = run.series().get(new SeriesKey("loss", "loss"));
        List<JsonNode> trainingRecords = new ArrayList<>();
        history.forEach(record -> {
            if (record.has("loss")) {
                trainingRecords.add(record);
            }
        });
        for (int index : new int[] {0, 100, 199}) {
            assertThat(loss.iteration(index)).isEqualTo(trainingRecords.get(index).get("step").asLong());
            assertThat(loss.value(index)).isEqualTo(Double.parseDouble(trainingRecords.get(index).get("loss").asText()));
            assertThat(loss.timestamp(index)).isEqualTo(PointSeries.NO_TIMESTAMP);
        }
        PointSeries runtime = run.series().get(new SeriesKey("train_runtime", "train_runtime"));
        assertThat(runtime.iteration(0)).isEqualTo(5000);
        assertThat(runtime.value(0)).isEqualTo(77350.9963);
        PointSeries evalLoss = run.series().get(new SeriesKey("eval_loss", "eval_loss"));
        assertThat(evalLoss.value(4)).isEqualTo(0.4200145900249481);
        assertThat(run.run().lastIteration()).isEqualTo(5000);
        assertThat(run.run().status()).isEqualTo(RunStatus.COMPLETED);
    }

    @Test
    void trainerTopLevelFieldsBecomeHyperparameters() throws IOException {
        ParsedRun run = reader.read(List.of(realRuns.resolve("whisper-ja-hf-trainer/trainer_state.json"))).get(0);

        assertThat(run.hyperparameters()).contains(
                new Hyperparameter("trainer_state", "max_steps", "5000", "int"),
                new Hyperparameter("trainer_state", "num_train_epochs", "39", "int"),
                new Hyperparameter("trainer_state", "epoch", "38.16793893129771", "float"),
                new Hyperparameter("trainer_state", "total_flos", "5.27162132754432e+20", "float"),
                new Hyperparameter("trainer_state", "is_hyper_param_search", "false", "bool"),
                new Hyperparameter("trainer_state", "trial_name", "", "null"));
        assertThat(run.hyperparameters()).extracting(Hyperparameter::name).doesNotContain("log_history");
    }

    @Test
    void checkpointStateIsPrefixOfFinalState() throws IOException {
        List<ParsedRun> runs = reader.read(List.of(realRuns.resolve("whisper-ja-hf-trainer")));
        ParsedRun checkpoint = runs.get(0);
        ParsedRun complete = runs.get(1);

        assertThat(checkpoint.name()).isEqualTo("last-checkpoint");
        assertThat(complete.name()).isEqualTo("whisper-ja-hf-trainer");
        assertThat(checkpoint.series().get(new SeriesKey("epoch", "epoch")).size()).isEqualTo(82);
        assertThat(checkpoint.series().get(new SeriesKey("eval_loss", "eval_loss")).size()).isEqualTo(2);
        assertThat(checkpoint.series()).doesNotContainKey(new SeriesKey("train_runtime", "train_runtime"));
        checkpoint.series().forEach((key, series) ->
                assertThat(complete.series().get(key).startsWith(series)).as(key.label()).isTrue());
        assertThat(checkpoint.run().lastIteration()).isEqualTo(2000);
        assertThat(checkpoint.run().status()).isEqualTo(RunStatus.UNKNOWN);
        assertThat(checkpoint.run().statusReason()).startsWith("global_step 2000 of max_steps 5000");
    }

    @Test
    void bundledSamplesListedInIndexAreRead() throws IOException {
        List<ParsedRun> samples = reader.readSamples();

        assertThat(samples).extracting(ParsedRun::name).containsExactly(
                "a2c/CartPole-v1_1", "dqn/CartPole-v1_1", "ppo/CartPole-v1_1", "trpo/CartPole-v1_1",
                "last-checkpoint", "whisper-ja-hf-trainer");
        assertThat(samples).extracting(ParsedRun::projectName).containsOnly(LocalRunReader.SAMPLE_PROJECT);
        assertThat(samples.get(2).hyperparameters())
                .contains(new Hyperparameter("config", "learning_rate", "lin_0.001", "str"));
        assertThat(samples.get(0).series().get(new SeriesKey("episode", "return")).size()).isEqualTo(192);
        assertThat(samples.get(0).run().lastUpdate()).isNull();
    }

    @Test
    void bundledSamplesAreCopiesOfFixtures() throws Exception {
        List<String> index = new String(RealRunsImportTest.class.getResourceAsStream("/samples/index.txt").readAllBytes(),
                StandardCharsets.UTF_8).lines().toList();

        assertThat(index).hasSize(9);
        for (String path : index) {
            byte[] bundled = RealRunsImportTest.class.getResourceAsStream("/samples/" + path).readAllBytes();
            assertThat(bundled).as(path).isEqualTo(Files.readAllBytes(realRuns.resolve(path)));
        }
        assertThat(index).noneMatch(path -> path.startsWith("yolov5"));
    }

    @Test
    void streamReadUsesNameForRunAndProject() throws IOException {
        Path file = realRuns.resolve("yolov5-pruning/runs/train/exp22/results.csv");
        ParsedRun run;
        try (var stream = Files.newInputStream(file)) {
            run = reader.read("train/exp22/results.csv", stream);
        }

        assertThat(run.name()).isEqualTo("exp22");
        assertThat(run.projectName()).isEqualTo("exp22");
        assertThat(run.series().get(new SeriesKey("metrics", "mAP_0.5")).size()).isEqualTo(19);
        assertThat(run.hyperparameters()).isEmpty();
    }
}
