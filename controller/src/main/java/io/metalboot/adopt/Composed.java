package io.metalboot.adopt;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The node tree of an inventory the loader has accepted: where each field sits (line and column), which the
 * loader's typed {@code Inventory} does not keep. Lines are 1-based, as in every message.
 */
record Composed(MappingNode root) {
    static Composed of(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true);
        return new Composed((MappingNode) new Yaml(options).compose(new StringReader(text)));
    }

    SequenceNode machines() {
        return (SequenceNode) field(root, "machines").orElseThrow();
    }

    /** The scalar values of one list item by key (the loader accepted the file, so every item is a mapping). */
    static Map<String, Entry> fields(Node item) {
        Map<String, Entry> out = new LinkedHashMap<>();
        for (NodeTuple t : ((MappingNode) item).getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && t.getValueNode() instanceof ScalarNode v) {
                out.putIfAbsent(k.getValue(), new Entry(k, v));
            }
        }
        return out;
    }

    /** One {@code key: value} of a mapping. */
    record Entry(ScalarNode key, ScalarNode value) {
        int line() {
            return value.getStartMark().getLine() + 1;
        }
    }

    /** The line of {@code section.key}'s value, else of the section, else 1. */
    int line(String section, String key) {
        Optional<Node> s = field(root, section);
        return s.flatMap(n -> field(n, key)).or(() -> s).map(n -> n.getStartMark().getLine() + 1).orElse(1);
    }

    /** The line of the {@code network.dns} entry that is {@code address}, else of {@code network.dns}. */
    int dnsLine(String address) {
        Optional<Node> dns = field(root, "network").flatMap(n -> field(n, "dns"));
        if (dns.isPresent() && dns.get() instanceof SequenceNode seq) {
            for (Node n : seq.getValue()) {
                if (n instanceof ScalarNode s && s.getValue().equals(address)) {
                    return s.getStartMark().getLine() + 1;
                }
            }
        }
        return line("network", "dns");
    }

    private static Optional<Node> field(Node mapping, String key) {
        if (mapping instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                    return Optional.of(t.getValueNode());
                }
            }
        }
        return Optional.empty();
    }
}
