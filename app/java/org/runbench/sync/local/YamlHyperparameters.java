package org.runbench.sync.local;

import java.util.List;
import org.runbench.model.Hyperparameter;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads hyperparameters from YAML files such as YOLOv5's {@code opt.yaml} and the RL Zoo's {@code config.yml}.
 *
 * <p>The file is composed into SnakeYAML nodes and never constructed into Java objects, so no tag can
 * create an object. The only global tag allowed is PyYAML's
 * {@code !!python/object/apply:collections.OrderedDict}, which a safe loader rejects. Its list of
 * {@code [key, value]} pairs is read as the ordered mapping it stands for. Each value keeps its text as written, and its type is the one YAML resolves: {@code int},
 * {@code float}, {@code bool}, {@code null} (with an empty value), {@code str}, or {@code list} (the text
 * {@code [a, b]}).
 */
final class YamlHyperparameters {

    private static final String ORDERED_DICT_TAG = "tag:yaml.org,2002:python/object/apply:collections.OrderedDict";

    private YamlHyperparameters() {
    }

    /**
     * Adds the top-level keys of {@code yamlText} to {@code target} in {@code section}. When
     * {@code nestedSections} is true, a top-level mapping (YOLOv5's {@code hyp}) becomes a section named
     * after its key. Otherwise, and below the top level, nested keys are joined with {@code /}.
     *
     * @throws IllegalArgumentException when the text is not YAML or its top level is not a mapping
     */
    static void read(String yamlText, String section, boolean nestedSections, List<Hyperparameter> target) {
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            // Composing builds nodes only, so allowing this one global tag cannot create an object.
            options.setTagInspector(tag -> tag.getValue().equals(ORDERED_DICT_TAG));
            root = new Yaml(options).compose(new java.io.StringReader(yamlText));
        } catch (YAMLException e) {
            throw new IllegalArgumentException(Problems.firstLine(e.getMessage()), e);
        }
        if (root == null) {
            return;
        }
        List<NodeTuple> pairs = pairs(root);
        if (pairs == null) {
            throw new IllegalArgumentException("the top level is not a mapping of names to values");
        }
        for (NodeTuple pair : pairs) {
            String key = text(pair.getKeyNode());
            Node value = pair.getValueNode();
            if (nestedSections && pairs(value) != null) {
                addNested(key, "", value, target);
            } else {
                addNested(section, key, value, target);
            }
        }
    }

    private static void addNested(String section, String name, Node value, List<Hyperparameter> target) {
        List<NodeTuple> pairs = pairs(value);
        if (pairs == null) {
            target.add(new Hyperparameter(section, name, text(value), type(value)));
            return;
        }
        for (NodeTuple pair : pairs) {
            String key = text(pair.getKeyNode());
            addNested(section, name.isEmpty() ? key : name + "/" + key, pair.getValueNode(), target);
        }
    }

    /** Returns the entries of a mapping or of a PyYAML OrderedDict, or null for any other node. */
    private static List<NodeTuple> pairs(Node node) {
        if (node instanceof MappingNode mapping) {
            return mapping.getValue();
        }
        if (node instanceof SequenceNode sequence && sequence.getTag().getValue().equals(ORDERED_DICT_TAG)) {
            Node items = sequence.getValue().size() == 1 ? sequence.getValue().get(0) : null;
            if (!(items instanceof SequenceNode list)) {
                return null;
            }
            List<NodeTuple> pairs = new java.util.ArrayList<>();
            for (Node item : list.getValue()) {
                if (!(item instanceof SequenceNode pair) || pair.getValue().size() != 2) {
                    return null;
                }
                pairs.add(new NodeTuple(pair.getValue().get(0), pair.getValue().get(1)));
            }
            return pairs;
        }
        return null;
    }

    private static String text(Node node) {
        if (node instanceof ScalarNode scalar) {
            return scalar.getTag().equals(Tag.NULL) ? "" : scalar.getValue();
        }
        if (node instanceof SequenceNode sequence) {
            StringBuilder text = new StringBuilder("[");
            for (Node item : sequence.getValue()) {
                if (text.length() > 1) {
                    text.append(", ");
                }
                text.append(item instanceof ScalarNode scalar && scalar.getTag().equals(Tag.NULL) ? "null" : text(item));
            }
            return text.append(']').toString();
        }
        List<NodeTuple> pairs = pairs(node);
        StringBuilder text = new StringBuilder("{");
        for (NodeTuple pair : pairs == null ? List.<NodeTuple>of() : pairs) {
            if (text.length() > 1) {
                text.append(", ");
            }
            text.append(text(pair.getKeyNode())).append(": ").append(text(pair.getValueNode()));
        }
        return text.append('}').toString();
    }

    private static String type(Node node) {
        if (node instanceof SequenceNode) {
            return "list";
        }
        Tag tag = node.getTag();
        if (tag.equals(Tag.INT)) {
            return "int";
        }
        if (tag.equals(Tag.FLOAT)) {
            return "float";
        }
        if (tag.equals(Tag.BOOL)) {
            return "bool";
        }
        if (tag.equals(Tag.NULL)) {
            return "null";
        }
        return "str";
    }
}
