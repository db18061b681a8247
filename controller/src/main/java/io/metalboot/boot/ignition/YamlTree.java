package io.metalboot.boot.ignition;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** A rendered YAML config read into nodes that keep their line, with strict key checks naming file, line and key. */
final class YamlTree {
    private final String file;
    /** The key node of each value node, so an unknown key is reported on its own line. */
    private final Map<Node, Node> keyOf = new java.util.IdentityHashMap<>();

    private YamlTree(String file) {
        this.file = file;
    }

    /** The document's root mapping. */
    static Root parse(String file, String text) {
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            Node root = new Yaml(options).compose(new StringReader(text));
            YamlTree tree = new YamlTree(file);
            if (root == null) {
                return new Root(tree, Map.of(), 1);
            }
            return new Root(tree, tree.mapping(root, "the document"), root.getStartMark().getLine() + 1);
        } catch (MarkedYAMLException e) {
            throw new IgnitionException(file + ":" + (e.getProblemMark().getLine() + 1) + ": not valid YAML after rendering: "
                    + e.getProblem());
        }
    }

    record Root(YamlTree tree, Map<String, Node> map, int line) {
    }

    String file() {
        return file;
    }

    Map<String, Node> mapping(Node node, String what) {
        if (!(node instanceof MappingNode m)) {
            throw error(node, what + " must be a mapping (key: value)");
        }
        Map<String, Node> out = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            out.put(scalar(t.getKeyNode(), "a key"), t.getValueNode());
            keyOf.put(t.getValueNode(), t.getKeyNode());
        }
        return out;
    }

    /** Checks {@code map}'s keys against {@code known}; an unknown one is an error naming it and what is known. */
    void keys(Map<String, Node> map, Set<String> known, String where) {
        map.forEach((key, value) -> {
            if (!known.contains(key)) {
                throw error(keyOf.getOrDefault(value, value), "unknown key '" + key + "' in " + where + " (known: " + String.join(", ", known.stream().sorted().toList())
                        + "); metalboot does not drop keys it does not understand: fix the spelling, or write this part as Ignition JSON (.ign)");
            }
        });
    }

    List<Node> sequence(Node node, String what) {
        if (!(node instanceof SequenceNode s)) {
            throw error(node, what + " must be a list");
        }
        return s.getValue();
    }

    String scalar(Node node, String what) {
        if (!(node instanceof ScalarNode s)) {
            throw error(node, what + " must be a single value");
        }
        return s.getValue();
    }

    boolean bool(Node node, String what) {
        String v = scalar(node, what);
        return switch (v) {
            case "true", "True", "yes" -> true;
            case "false", "False", "no" -> false;
            default -> throw error(node, what + " '" + v + "' is not true or false");
        };
    }

    /** A file mode: YAML octal ({@code 0644}, {@code 0o644}) or decimal ({@code 420}). */
    int mode(Node node, String what) {
        String v = scalar(node, what);
        try {
            if (v.startsWith("0o")) {
                return Integer.parseInt(v.substring(2), 8);
            }
            return v.length() > 1 && v.startsWith("0") ? Integer.parseInt(v, 8) : Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw error(node, what + " '" + v + "' is not a file mode (e.g. 0644)");
        }
    }

    IgnitionException error(Node node, String message) {
        return new IgnitionException(file + ":" + (node.getStartMark().getLine() + 1) + ": " + message);
    }
}
