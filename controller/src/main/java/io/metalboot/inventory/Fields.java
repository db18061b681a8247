package io.metalboot.inventory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * The fields of one YAML mapping in the inventory. Reports unknown keys (with a "did you mean"),
 * duplicate keys, wrong node kinds and missing required fields to {@link Problems}, then hands out
 * scalars that remember their path and line.
 */
final class Fields {
    private final Problems problems;
    private final String path;
    private final Node node;
    private final Map<String, Node> values = new LinkedHashMap<>();

    private Fields(Problems problems, String path, Node node) {
        this.problems = problems;
        this.path = path;
        this.node = node;
    }

    /** Reads {@code node} as a mapping with the given known keys; empty (and reported) if it is not one. */
    static Optional<Fields> of(Problems problems, String path, Node node, List<String> known) {
        if (!(node instanceof MappingNode mapping)) {
            problems.add(node, (path.isEmpty() ? "the document" : path) + " must be a mapping of fields (key: value), found "
                    + describe(node) + "; valid fields: " + String.join(", ", known));
            return Optional.empty();
        }
        Fields fields = new Fields(problems, path, node);
        problems.remember(path, Problems.lineOf(node));
        Map<String, Integer> lines = new LinkedHashMap<>();
        for (NodeTuple t : mapping.getValue()) {
            Node keyNode = t.getKeyNode();
            String key = keyNode instanceof ScalarNode s ? s.getValue() : String.valueOf(keyNode);
            int line = Problems.lineOf(keyNode);
            String where = fields.child(key);
            if (lines.containsKey(key)) {
                problems.add(line, where + " is given twice (first at line " + lines.get(key) + "); keep one");
                continue;
            }
            lines.put(key, line);
            problems.remember(where, line);
            if (!known.contains(key)) {
                problems.add(line, where + ": unknown field '" + key + "'"
                        + Suggestions.closest(key, known).map(s -> " (did you mean '" + s + "'?)").orElse("")
                        + "; valid fields here: " + String.join(", ", known));
                continue;
            }
            fields.values.put(key, t.getValueNode());
        }
        return Optional.of(fields);
    }

    String path() {
        return path;
    }

    /** The line of this mapping's key ({@code network:}), or of its first entry for list items. */
    int line() {
        return path.isEmpty() ? 1 : problems.lineOf(path, Problems.lineOf(node));
    }

    String child(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    Optional<Node> node(String key) {
        Node n = values.get(key);
        return n == null || isNull(n) ? Optional.empty() : Optional.of(n);
    }

    /** A required field's node; reports {@code PATH: missing required field 'key' (HINT)} when absent. */
    Optional<Node> requiredNode(String key, String hint) {
        Optional<Node> n = node(key);
        if (n.isEmpty()) {
            problems.add(values.containsKey(key) ? Problems.lineOf(values.get(key)) : line(),
                    (path.isEmpty() ? "" : path + ": ") + "missing required field '" + key + "' (" + hint + ")");
        }
        return n;
    }

    Optional<Scalar> scalar(String key) {
        return node(key).flatMap(n -> asScalar(child(key), n));
    }

    Optional<Scalar> required(String key, String hint) {
        return requiredNode(key, hint).flatMap(n -> asScalar(child(key), n));
    }

    /** A list of scalars (a single scalar is taken as a one-element list). */
    List<Scalar> scalars(String key) {
        Optional<Node> n = node(key);
        List<Scalar> out = new ArrayList<>();
        if (n.isEmpty()) {
            return out;
        }
        if (n.get() instanceof SequenceNode seq) {
            for (int i = 0; i < seq.getValue().size(); i++) {
                asScalar(child(key) + "[" + i + "]", seq.getValue().get(i)).ifPresent(out::add);
            }
        } else {
            asScalar(child(key), n.get()).ifPresent(out::add);
        }
        return out;
    }

    private Optional<Scalar> asScalar(String where, Node n) {
        if (n instanceof ScalarNode s) {
            problems.remember(where, Problems.lineOf(n));
            return Optional.of(new Scalar(where, s.getValue(), Problems.lineOf(n)));
        }
        problems.add(n, where + " must be a single value, found " + describe(n));
        return Optional.empty();
    }

    static boolean isNull(Node n) {
        return n instanceof ScalarNode s && Tag.NULL.equals(s.getTag());
    }

    static String describe(Node n) {
        if (n instanceof MappingNode) {
            return "a mapping";
        }
        if (n instanceof SequenceNode) {
            return "a list";
        }
        return isNull(n) ? "nothing" : "'" + ((ScalarNode) n).getValue() + "'";
    }
}
