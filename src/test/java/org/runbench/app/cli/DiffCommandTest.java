package org.runbench.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.runbench.model.diff.DiffCell;

class DiffCommandTest {

    private static final String DQN = "dqn/CartPole-v1_1";
    private static final String PPO = "ppo/CartPole-v1_1";
    private static final String TRPO = "trpo/CartPole-v1_1";

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
    void tableListsOnlyDifferingKeys() throws Exception {
        importRuns("rl-trained-agents");

        int status = run("diff", DQN, PPO);

        assertThat(status).isZero();
        assertThat(err).isEmpty();
        assertThat(keyColumn(out)).containsExactly("KEY", "monitor/t_start", "config/batch_size", "config/buffer_size",
                "config/exploration_final_eps", "config/exploration_fraction", "config/gamma",
                "config/gradient_steps", "config/learning_rate", "config/learning_starts", "config/n_timesteps",
                "config/policy_kwargs", "config/target_update_interval", "config/train_freq", "config/clip_range",
                "config/ent_coef", "config/gae_lambda", "config/n_envs", "config/n_epochs", "config/n_steps",
                "Configuration/monitor header", "Configuration/CartPole-v1/config.yml");
    }

    @Test
    void tableAlignsColumnsAndShowsTypes() throws Exception {
        importRuns("rl-trained-agents");

        run("diff", DQN, PPO);

        List<String> lines = out.lines().toList();
        int firstRunColumn = "Configuration/CartPole-v1/config.yml".length() + 2;
        int secondRunColumn = firstRunColumn + DiffCommand.MAX_CELL_LENGTH + 2;
        assertThat(lines.get(0)).isEqualTo(pad("KEY", firstRunColumn) + pad(DQN, secondRunColumn - firstRunColumn) + PPO);
        assertThat(line(lines, "config/learning_rate")).isEqualTo(pad("config/learning_rate", firstRunColumn)
                + pad("0.0023 (float)", secondRunColumn - firstRunColumn) + "lin_0.001 (str)");
        assertThat(line(lines, "config/clip_range")).isEqualTo(pad("config/clip_range", firstRunColumn)
                + pad("(absent)", secondRunColumn - firstRunColumn) + "lin_0.2");
        assertThat(line(lines, "config/gamma")).isEqualTo(pad("config/gamma", firstRunColumn)
                + pad("0.99", secondRunColumn - firstRunColumn) + "0.98");
    }

    @Test
    void tableShortensLongValuesWithEllipsis() throws Exception {
        importRuns("rl-trained-agents");

        run("diff", DQN, PPO);

        String config = out.lines().filter(line -> line.startsWith("Configuration/CartPole-v1/config.yml")).findFirst().orElseThrow();
        String expectedCell = "!!python/object/apply:collections.Order…";
        assertThat(expectedCell).hasSize(DiffCommand.MAX_CELL_LENGTH);
        assertThat(config).endsWith(expectedCell + "  " + expectedCell);
    }

    @Test
    void tableCellCutsAtFirstLine() {
        assertThat(DiffCommand.tableCell(DiffCell.of("a: 1\nb: 2", "yaml"), false)).isEqualTo("a: 1…");
        assertThat(DiffCommand.tableCell(DiffCell.of("a: 1\r\nb: 2", "yaml"), false)).isEqualTo("a: 1…");
        assertThat(DiffCommand.tableCell(DiffCell.of("x".repeat(40), "str"), false)).isEqualTo("x".repeat(40));
        assertThat(DiffCommand.tableCell(DiffCell.of("x".repeat(41), "str"), true)).isEqualTo("x".repeat(39) + "… (str)");
        assertThat(DiffCommand.tableCell(DiffCell.of("", ""), true)).isEmpty();
        assertThat(DiffCommand.tableCell(DiffCell.ABSENT, true)).isEqualTo("(absent)");
    }

    @Test
    void allOptionAddsEqualKeys() throws Exception {
        importRuns("rl-trained-agents");

        run("diff", DQN, PPO, TRPO, "--all");

        assertThat(keyColumn(out)).contains("config/policy", "monitor/env_id", "config/cg_damping");
        assertThat(keyColumn(out)).hasSize(1 + 25);
    }

    @Test
    void yoloPairTableKeys() throws Exception {
        importRuns("yolov5-pruning");

        int status = run("diff", "vn_normal_train", "vn_25_prune");

        assertThat(status).as(err).isZero();
        assertThat(keyColumn(out)).containsExactly("KEY", "opt/st", "opt/sr", "opt/weights", "opt/cfg", "opt/name",
                "opt/save_dir", "hyp/lrf", "Configuration/opt.yaml");
    }

    @Test
    void jsonHasRunsRowsAndNullForAbsent() throws Exception {
        importRuns("rl-trained-agents");
        run("runs", "--json");
        JsonNode listed = new ObjectMapper().readTree(out);

        int status = run("diff", DQN, TRPO, "--json");

        assertThat(status).isZero();
        JsonNode root = new ObjectMapper().readTree(out);
        assertThat(root.get("runs")).hasSize(2);
        assertThat(root.get("runs").get(0).get("name").asText()).isEqualTo(DQN);
        assertThat(root.get("runs").get(0).get("id").asText()).isEqualTo(idOf(listed, DQN));
        assertThat(root.get("runs").get(1).get("id").asText()).isEqualTo(idOf(listed, TRPO));
        JsonNode cgDamping = rowOf(root, "config/cg_damping");
        assertThat(cgDamping.get("section").asText()).isEqualTo("config");
        assertThat(cgDamping.get("values").get(0).isNull()).isTrue();
        assertThat(cgDamping.get("values").get(1).asText()).isEqualTo("0.001");
        assertThat(cgDamping.get("types").get(0).isNull()).isTrue();
        assertThat(cgDamping.get("types").get(1).asText()).isEqualTo("float");
        assertThat(rowOf(root, "config/learning_rate").get("values").get(0).asText()).isEqualTo("0.0023");
    }

    @Test
    void jsonKeepsLongValuesWhole() throws Exception {
        importRuns("rl-trained-agents");

        run("diff", DQN, TRPO, "--json");

        JsonNode root = new ObjectMapper().readTree(out);
        String config = rowOf(root, "Configuration/CartPole-v1/config.yml").get("values").get(0).asText();
        assertThat(config).isEqualTo(Files.readString(realRuns("rl-trained-agents/dqn/CartPole-v1_1/CartPole-v1/config.yml")));
        assertThat(root.get("rows")).allSatisfy(row -> assertThat(row.get("differs").asBoolean()).isTrue());
    }

    @Test
    void equalRunsPrintThatNothingDiffers() throws Exception {
        Path handmade = Path.of(DiffCommandTest.class.getResource("/diff/handmade/base").toURI());
        for (String copy : List.of("first", "second")) {
            Path folder = Files.createDirectories(temp.resolve("equal").resolve(copy));
            Files.copy(handmade.resolve("results.csv"), folder.resolve("results.csv"));
            Files.copy(handmade.resolve("opt.yaml"), folder.resolve("opt.yaml"));
        }
        run("import", temp.resolve("equal").toString());

        int status = run("diff", "first", "second");

        assertThat(status).as(err).isZero();
        assertThat(out).isEqualTo("The 2 runs have the same hyperparameters and configuration.\n");
    }

    @Test
    void oneRunIsUsageError() throws Exception {
        importRuns("rl-trained-agents");

        int status = run("diff", DQN);

        assertThat(status).isEqualTo(Cli.USAGE);
        assertThat(err).startsWith("runbench diff needs at least two runs, got only '" + DQN
                + "'. Give two or more run ids or names, for example 'runbench diff RUN_A RUN_B'.");
        assertThat(out).isEmpty();
    }

    @Test
    void sameRunTwiceIsUsageError() throws Exception {
        importRuns("rl-trained-agents");

        int status = run("diff", DQN, DQN);

        assertThat(status).isEqualTo(Cli.USAGE);
        assertThat(err).startsWith("runbench diff needs at least two different runs, but '" + DQN + "', '" + DQN
                + "' all name the run local-");
        assertThat(err).contains(". Give two or more different runs.");
    }

    @Test
    void noRunIsUsageError() {
        assertThat(run("diff")).isEqualTo(Cli.USAGE);
        assertThat(err).contains("Missing required parameter: 'RUN'");
    }

    @Test
    void unknownRunIsFailure() throws Exception {
        importRuns("rl-trained-agents");

        int status = run("diff", DQN, "no-such-run");

        assertThat(status).isEqualTo(Cli.FAILURE);
        assertThat(err).isEqualTo("runbench: No cached run has the id or name 'no-such-run'. List the cached runs with"
                + " 'runbench runs', or import or sync the run first.\n");
    }

    private static List<String> keyColumn(String table) {
        return table.lines().map(line -> line.split("  ", 2)[0]).toList();
    }

    private static String line(List<String> lines, String key) {
        return lines.stream().filter(line -> line.startsWith(key + " ")).findFirst()
                .orElseThrow(() -> new AssertionError("no line for " + key + " in " + lines));
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(width - text.length());
    }

    private static JsonNode rowOf(JsonNode root, String key) {
        for (JsonNode row : root.get("rows")) {
            if (row.get("key").asText().equals(key)) {
                return row;
            }
        }
        throw new AssertionError("no row " + key + " in " + root.get("rows"));
    }

    private static String idOf(JsonNode runs, String name) {
        for (JsonNode run : runs) {
            if (run.get("name").asText().equals(name)) {
                return run.get("id").asText();
            }
        }
        throw new AssertionError("no run " + name);
    }

    private void importRuns(String folder) throws URISyntaxException {
        assertThat(run("import", realRuns(folder).toString())).as(err).isZero();
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

    private static Path realRuns(String relative) throws URISyntaxException {
        return Path.of(DiffCommandTest.class.getResource("/real-runs/" + relative).toURI());
    }
}
