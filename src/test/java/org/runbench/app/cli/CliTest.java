package org.runbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.runbench.cache.CacheTransaction;
import org.runbench.cache.RunCache;
import org.runbench.model.PointSeriesBuilder;
import org.runbench.model.Project;
import org.runbench.model.Run;
import org.runbench.model.RunData;
import org.runbench.model.RunId;
import org.runbench.model.RunStatus;
import org.runbench.model.SeriesKey;

class CliTest {

    @TempDir
    Path temp;

    private Path cache;
    private String out;
    private String err;

    @BeforeEach
    void setUp() {
        cache = temp.resolve("cache");
    }

    @Test
    void importPrintsEachRunAndExitsZero() throws Exception {
        int status = run("import", realRuns("rl-trained-agents").toString());

        assertThat(status).isZero();
        assertThat(out).contains("new       ").contains("a2c/CartPole-v1_1 (project rl-trained-agents): 384 new points")
                .contains("Imported 4 runs, 1884 new points");
        assertThat(err).isEmpty();
    }

    @Test
    void importTwiceAddsNoPoints() throws Exception {
        run("import", realRuns("rl-trained-agents").toString());
        int status = run("import", realRuns("rl-trained-agents").toString());

        assertThat(status).isZero();
        assertThat(out).contains("Imported 4 runs, 0 new points");
        try (RunCache opened = RunCache.open(cache)) {
            assertThat(opened.allRuns()).hasSize(4);
            assertThat(opened.storageStats().points()).isEqualTo(1884);
        }
    }

    @Test
    void importOfBadFileExitsOneNamingFileAndWritesNothing() throws Exception {
        Path bad = temp.resolve("bad.csv");
        Files.writeString(bad, "epoch,loss\n0,0.5\n1,abc\n");

        int status = run("import", bad.toString());

        assertThat(status).isEqualTo(Cli.FAILURE);
        assertThat(err).startsWith("runbench: ").contains(bad.toAbsolutePath().toString()).contains("line 3")
                .contains("\"loss\"").contains("Nothing was written to the cache.");
        try (RunCache opened = RunCache.open(cache)) {
            assertThat(opened.allRuns()).isEmpty();
        }
    }

    @Test
    void plotOnTimeAxisWithoutTimestampsExitsOne() throws Exception {
        run("import", realRuns("whisper-ja-hf-trainer/trainer_state.json").toString());
        int status = run("plot", "whisper-ja-hf-trainer", "--metric", "loss", "--x", "wall", "--out",
                temp.resolve("w.png").toString());

        assertThat(status).isEqualTo(Cli.FAILURE);
        assertThat(err).contains("None of the selected series has wall-clock timestamps").contains("Use --x iteration.");
        assertThat(temp.resolve("w.png")).doesNotExist();
    }

    @Test
    void removeDeletesRunAndItsPoints() throws Exception {
        run("import", realRuns("rl-trained-agents").toString());

        assertThat(run("remove", "ppo/CartPole-v1_1")).isZero();
        assertThat(out).startsWith("Removed local-").contains("ppo/CartPole-v1_1");
        assertThat(run("export", "ppo/CartPole-v1_1")).isEqualTo(Cli.FAILURE);
        try (RunCache opened = RunCache.open(cache)) {
            assertThat(opened.allRuns()).hasSize(3);
            assertThat(opened.storageStats().points()).isEqualTo(1884 - 76);
        }
        assertThat(run("import", realRuns("rl-trained-agents").toString())).isZero();
        assertThat(out).contains("ppo/CartPole-v1_1 (project rl-trained-agents): 76 new points");
    }

    @Test
    void unknownSubcommandIsUsageError() {
        assertThat(run("bogus")).isEqualTo(Cli.USAGE);
    }

    @Test
    void importOfFileWithoutValuesExitsOne() throws Exception {
        Path stepsOnly = temp.resolve("steps.csv");
        Files.writeString(stepsOnly, "step\n0\n1\n");
        Path textOnly = temp.resolve("text.jsonl");
        Files.writeString(textOnly, "{\"step\": 0, \"note\": \"warm-up\"}\n");

        assertThat(run("import", stepsOnly.toString())).isEqualTo(Cli.FAILURE);
        assertThat(err).contains(stepsOnly.toAbsolutePath().toString()).contains("has no numeric metric values");
        assertThat(run("import", textOnly.toString())).isEqualTo(Cli.FAILURE);
        try (RunCache opened = RunCache.open(cache)) {
            assertThat(opened.allRuns()).isEmpty();
        }
    }

    @Test
    void unknownOptionIsUsageError() {
        int status = run("runs", "--no-such-option");

        assertThat(status).isEqualTo(Cli.USAGE);
        assertThat(err).contains("Unknown option: '--no-such-option'");
    }

    @Test
    void missingRunArgumentIsUsageError() {
        assertThat(run("export")).isEqualTo(Cli.USAGE);
        assertThat(err).contains("Missing required parameter: 'RUN'");
    }

    @Test
    void unknownRunExitsOneWithNextStep() {
        int status = run("export", "no-such-run");

        assertThat(status).isEqualTo(Cli.FAILURE);
        assertThat(err).isEqualTo("runbench: No cached run has the id or name 'no-such-run'. List the cached runs with"
                + " 'runbench runs', or import or sync the run first.\n");
    }

    @Test
    void invalidMetricRegexIsUsageError() throws Exception {
        run("import", realRuns("rl-trained-agents").toString());
        int status = run("export", "a2c/CartPole-v1_1", "--metric", "([");

        assertThat(status).isEqualTo(Cli.USAGE);
        assertThat(err).contains("The metric filter '([' is not a valid regular expression");
    }

    @Test
    void exportWithNoMatchingSeriesExitsOne() throws Exception {
        run("import", realRuns("rl-trained-agents").toString());
        int status = run("export", "a2c/CartPole-v1_1", "--metric", "zzz");

        assertThat(status).isEqualTo(Cli.FAILURE);
        assertThat(out).isEmpty();
        assertThat(err).contains("No series of the given runs matches --metric 'zzz'");
    }

    @Test
    void exportCsvWritesEveryPointWithExactValues() throws Exception {
        RunId id = seedOddValues();

        int status = run("export", id.taskId(), "--csv");

        assertThat(status).isZero();
        List<String> lines = out.lines().toList();
        assertThat(lines).containsExactly(
                "run_id,metric,variant,iteration,value,timestamp_ms",
                "task-odd,\"loss, train\",x,-1,NaN,1700000000000",
                "task-odd,\"loss, train\",x,2147483648,Infinity,",
                "task-odd,\"loss, train\",x,1000000000000,-Infinity,1700000000100",
                "task-odd,\"loss, train\",x,5,-0.0,1700000000200",
                "task-odd,\"loss, train\",x,5,0.1,1700000000300",
                "task-odd,\"loss, train\",x,3,1.0E-300,1700000000400");
    }

    @Test
    void exportCsvOfRealRunMatchesFileRows() throws Exception {
        run("import", realRuns("rl-trained-agents").toString());
        int status = run("export", "ppo/CartPole-v1_1", "--metric", "return");

        assertThat(status).isZero();
        List<String> lines = out.lines().toList();
        assertThat(lines).hasSize(1 + 38);
        List<String> fileRows = Files.readAllLines(realRuns("rl-trained-agents/ppo/CartPole-v1_1/0.monitor.csv"));
        String firstEpisode = fileRows.get(2);
        double firstReturn = Double.parseDouble(firstEpisode.split(",")[0]);
        long firstLength = Long.parseLong(firstEpisode.split(",")[1]);
        String[] firstExported = lines.get(1).split(",");
        assertThat(firstExported[1]).isEqualTo("episode");
        assertThat(firstExported[2]).isEqualTo("return");
        assertThat(Long.parseLong(firstExported[3])).isEqualTo(firstLength);
        assertThat(Double.parseDouble(firstExported[4])).isEqualTo(firstReturn);
        assertThat(Long.parseLong(lines.get(lines.size() - 1).split(",")[3])).isEqualTo(12_184);
    }

    @Test
    void exportJsonWritesNonFiniteValuesAsStrings() throws Exception {
        RunId id = seedOddValues();
        Path file = temp.resolve("points.json");

        int status = run("export", id.taskId(), "--json", "--out", file.toString());

        assertThat(status).isZero();
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        JsonNode points = root.get("runs").get(0).get("series").get(0).get("points");
        assertThat(points).hasSize(6);
        assertThat(points.get(0).get(1).asText()).isEqualTo("NaN");
        assertThat(points.get(1).get(2).isNull()).isTrue();
        assertThat(points.get(2).get(0).asLong()).isEqualTo(1_000_000_000_000L);
        assertThat(points.get(4).get(1).asDouble()).isEqualTo(0.1);
    }

    @Test
    void runsJsonListsSeriesWithPointCounts() throws Exception {
        run("import", realRuns("rl-trained-agents").toString());
        int status = run("runs", "--json");

        assertThat(status).isZero();
        JsonNode runs = new ObjectMapper().readTree(out);
        assertThat(runs).hasSize(4);
        JsonNode dqn = null;
        for (JsonNode run : runs) {
            if (run.get("name").asText().equals("dqn/CartPole-v1_1")) {
                dqn = run;
            }
        }
        assertThat(dqn).isNotNull();
        assertThat(dqn.get("server").asText()).isEqualTo("local");
        assertThat(dqn.get("project").asText()).isEqualTo("rl-trained-agents");
        assertThat(dqn.get("status").asText()).isEqualTo("completed");
        assertThat(dqn.get("last_iteration").asLong()).isEqualTo(50_111);
        assertThat(dqn.get("series").get(0).get("points").asInt()).isEqualTo(500);
    }

    @Test
    void runsForUnknownProjectExitsOne() throws Exception {
        run("import", realRuns("rl-trained-agents").toString());
        assertThat(run("runs", "--project", "nope")).isEqualTo(Cli.FAILURE);
        assertThat(err).contains("No cached project named 'nope' has runs");
    }

    @Test
    void plotWritesPngAndSvg() throws Exception {
        run("import", realRuns("rl-trained-agents").toString());
        Path png = temp.resolve("plot.png");
        Path svg = temp.resolve("plot.svg");

        assertThat(run("plot", "a2c/CartPole-v1_1", "ppo/CartPole-v1_1", "--metric", "episode", "--out", png.toString(),
                "--width", "400", "--height", "300")).isZero();
        assertThat(run("plot", "a2c/CartPole-v1_1", "ppo/CartPole-v1_1", "--metric", "return", "--out", svg.toString(),
                "--x", "relative", "--smooth", "0.6", "--log-y")).isZero();

        var image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(800);
        assertThat(image.getHeight()).isEqualTo(300);
        String svgText = Files.readString(svg, StandardCharsets.UTF_8);
        assertThat(svgText).contains("<svg").contains("a2c/CartPole-v1_1");
    }

    @Test
    void plotRejectsUnknownFormatAndAxis() throws Exception {
        run("import", realRuns("rl-trained-agents").toString());
        assertThat(run("plot", "a2c/CartPole-v1_1", "--metric", "x", "--out", temp.resolve("a.gif").toString()))
                .isEqualTo(Cli.USAGE);
        assertThat(err).contains("must end in .png or .svg");
        assertThat(run("plot", "a2c/CartPole-v1_1", "--metric", "return", "--out", temp.resolve("a.png").toString(),
                "--x", "epoch")).isEqualTo(Cli.USAGE);
        assertThat(err).contains("--x epoch is not an x axis; use iteration, wall or relative.");
        assertThat(run("plot", "a2c/CartPole-v1_1", "--metric", "return", "--out", temp.resolve("a.png").toString(),
                "--smooth", "2")).isEqualTo(Cli.USAGE);
        assertThat(run("plot", "a2c/CartPole-v1_1", "--metric", "return", "--out", temp.resolve("a.png").toString(),
                "--columns", "0")).isEqualTo(Cli.USAGE);
        assertThat(run("plot", "a2c/CartPole-v1_1", "--metric", "nothing-matches", "--out", temp.resolve("b.png").toString()))
                .isEqualTo(Cli.FAILURE);
        assertThat(err).contains("No series of the given runs matches --metric 'nothing-matches'");
    }

    private RunId seedOddValues() {
        RunId id = new RunId("https://api.example.test", "task-odd");
        PointSeriesBuilder points = new PointSeriesBuilder()
                .add(-1, Double.NaN, 1_700_000_000_000L)
                .add(1L << 31, Double.POSITIVE_INFINITY, org.runbench.model.PointSeries.NO_TIMESTAMP)
                .add(1_000_000_000_000L, Double.NEGATIVE_INFINITY, 1_700_000_000_100L)
                .add(5, -0.0, 1_700_000_000_200L)
                .add(5, 0.1, 1_700_000_000_300L)
                .add(3, 1e-300, 1_700_000_000_400L);
        Run run = new Run(id, "p", "odd values", RunStatus.COMPLETED, "", "", List.of(), null, null, null, null, 5,
                null, null, "", null, false);
        try (RunCache opened = RunCache.open(cache); CacheTransaction transaction = opened.begin()) {
            transaction.upsertProject(new Project(id.server(), "p", "Odd", null));
            transaction.storeRun(new RunData(run, List.of(), List.of(), java.util.Map.of(new SeriesKey("loss, train", "x"), points.build())));
            transaction.commit();
        }
        return id;
    }

    private int run(String... args) {
        List<String> all = new ArrayList<>(List.of("--cache", cache.toString()));
        all.addAll(List.of(args));
        StringWriter outText = new StringWriter();
        StringWriter errText = new StringWriter();
        int status = Cli.run(all.toArray(String[]::new), new PrintWriter(outText), new PrintWriter(errText));
        out = outText.toString();
        err = errText.toString();
        return status;
    }

    static Path realRuns(String relative) throws URISyntaxException {
        return Path.of(CliTest.class.getResource("/real-runs/" + relative).toURI());
    }
}
