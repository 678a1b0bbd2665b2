package org.runbench.sync.local;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.runbench.model.ConfigurationItem;
import org.runbench.model.Hyperparameter;

/**
 * Finds the hyperparameter files that training tools write beside a results file, and adds their
 * values as hyperparameters and their text as configuration items.
 */
final class SidecarFiles {

    /** Section of YOLOv5's {@code opt.yaml} keys that are not in a nested mapping such as {@code hyp}. */
    static final String OPT_SECTION = "opt";
    /** Section of the RL Zoo's {@code config.yml} keys. */
    static final String CONFIG_SECTION = "config";
    /** Section of the Hugging Face Trainer's arguments. */
    static final String ARGS_SECTION = "Args";

    private static final String OPT_YAML = "opt.yaml";
    private static final String CONFIG_YML = "config.yml";
    private static final List<String> TRAINER_ARGUMENT_FILES = List.of("training_args.json", "trainer_config.json");

    private SidecarFiles() {
    }

    /** Adds YOLOv5's {@code opt.yaml} from the results file's folder, if there is one. */
    static void addRunOptions(ResultFile file, FileContent content) throws IOException {
        String text = readBeside(file, OPT_YAML);
        if (text != null) {
            addYaml(file, OPT_YAML, text, OPT_SECTION, true, content);
        }
    }

    /**
     * Adds the RL Zoo's {@code config.yml} from a sub-folder of the monitor file's folder: the one named
     * after the environment id, or else the first sub-folder, in name order, that has one.
     */
    static void addZooConfig(ResultFile file, String envId, FileContent content) throws IOException {
        Set<String> folders = new LinkedHashSet<>();
        if (!envId.isBlank()) {
            folders.add(envId);
        }
        folders.addAll(file.foldersBeside());
        for (String folder : folders) {
            String relativePath = folder + "/" + CONFIG_YML;
            String text = readBeside(file, relativePath);
            if (text != null) {
                addYaml(file, relativePath, text, CONFIG_SECTION, false, content);
                return;
            }
        }
    }

    /** Adds the Trainer's arguments from {@code training_args.json} or {@code trainer_config.json} beside the state. */
    static void addTrainerArguments(ResultFile file, FileContent content) throws IOException {
        for (String name : TRAINER_ARGUMENT_FILES) {
            String text = readBeside(file, name);
            if (text == null) {
                continue;
            }
            List<Hyperparameter> values = new ArrayList<>();
            try (JsonParser parser = JsonValues.MAPPER.createParser(text)) {
                if (parser.nextToken() != JsonToken.START_OBJECT) {
                    throw invalidSidecar(file, name, "the file is not a JSON object");
                }
                JsonValues.addFields(parser, ARGS_SECTION, values);
            } catch (JsonProcessingException e) {
                throw invalidSidecar(file, name, "the JSON is not valid (" + Problems.firstLine(e.getOriginalMessage()) + ")");
            }
            content.hyperparameters.addAll(values);
            content.configuration.add(new ConfigurationItem(name, "json", text));
            return;
        }
    }

    private static void addYaml(ResultFile file, String relativePath, String text, String section,
                                boolean nestedSections, FileContent content) throws ImportException {
        List<Hyperparameter> values = new ArrayList<>();
        try {
            YamlHyperparameters.read(text, section, nestedSections, values);
        } catch (IllegalArgumentException e) {
            throw invalidSidecar(file, relativePath, e.getMessage());
        }
        content.hyperparameters.addAll(values);
        content.configuration.add(new ConfigurationItem(relativePath, "yaml", text));
    }

    private static String readBeside(ResultFile file, String relativePath) throws IOException {
        try (InputStream stream = file.openBeside(relativePath)) {
            return stream == null ? null : new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static ImportException invalidSidecar(ResultFile file, String relativePath, String problem) {
        return new ImportException(file.displayPathBeside(relativePath), ImportException.NO_LINE, null,
                "the hyperparameters cannot be read: " + problem,
                "Fix the file, or move it away to import the results without hyperparameters, then import again.");
    }
}
