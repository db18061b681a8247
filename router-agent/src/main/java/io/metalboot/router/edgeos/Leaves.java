package io.metalboot.router.edgeos;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The leaves below a node as relative paths (node names and tag values) with their values, and
 * the {@code set}/{@code delete} lines that turn one node's leaves into another's.
 */
final class Leaves {
    private Leaves() {
    }

    /** A leaf: a value leaf ({@code lease 86400}), a multi leaf, or a node without children or values. */
    record Leaf(List<String> path, Kind kind, List<String> values) {
        Leaf {
            path = List.copyOf(path);
            values = List.copyOf(values);
        }
    }

    /** Leaves of {@code node}, by relative path, in display order. */
    static Map<List<String>, Leaf> of(Optional<Node> node) {
        Map<List<String>, Leaf> leaves = new LinkedHashMap<>();
        node.ifPresent(n -> collect(n, new ArrayList<>(), leaves));
        return leaves;
    }

    private static void collect(Node node, List<String> prefix, Map<List<String>, Leaf> into) {
        for (Map.Entry<String, Node> entry : node.children().entrySet()) {
            prefix.add(entry.getKey());
            Node child = entry.getValue();
            if (child.kind().holdsValues() || child.children().isEmpty()) {
                into.put(List.copyOf(prefix), new Leaf(prefix, child.kind(), child.values()));
            } else {
                collect(child, prefix, into);
            }
            prefix.remove(prefix.size() - 1);
        }
    }

    /** The lines that make the leaf at {@code base + leaf.path} hold the leaf's values, given what is there now. */
    static List<String> set(List<String> base, Leaf want, Optional<Leaf> now) {
        List<String> lines = new ArrayList<>();
        List<String> path = concat(base, want.path());
        if (want.kind() == Kind.MULTI && now.isPresent()) {
            lines.add(delete(path));
        }
        if (want.values().isEmpty()) {
            lines.add("set " + VyattaWords.join(path));
        }
        for (String value : want.values()) {
            lines.add("set " + VyattaWords.join(concat(path, List.of(value))));
        }
        return lines;
    }

    /** The lines turning {@code now} into {@code want} below {@code base}; with {@code exact}, extra leaves go. */
    static List<String> diff(List<String> base, Map<List<String>, Leaf> now, Map<List<String>, Leaf> want, boolean exact) {
        List<String> lines = new ArrayList<>();
        if (exact) {
            now.keySet().stream().filter(path -> !want.containsKey(path)).forEach(path -> lines.add(delete(concat(base, path))));
        }
        for (Leaf leaf : want.values()) {
            Optional<Leaf> current = Optional.ofNullable(now.get(leaf.path()));
            if (current.map(c -> !c.values().equals(leaf.values())).orElse(true)) {
                lines.addAll(set(base, leaf, current));
            }
        }
        return lines;
    }

    static String delete(List<String> path) {
        return "delete " + VyattaWords.join(path);
    }

    static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** Values as the diff shows them: joined by ", ", {@code (set)} for a valueless node. */
    /**
     * The leaves of {@code these} that {@code others} lacks or holds differently, beyond the address and
     * MAC a mapping's text shows: {@code  static-mapping-parameters 'option x;'}, or {@code  (no disable)}.
     */
    static String differing(Map<List<String>, Leaf> these, Map<List<String>, Leaf> others) {
        StringBuilder out = new StringBuilder();
        these.forEach((path, leaf) -> {
            Leaf other = others.get(path);
            if (!isAddress(path) && (other == null || !other.values().equals(leaf.values()))) {
                out.append(' ').append(String.join(" ", path)).append(leaf.values().isEmpty() ? "" : " '"
                        + String.join("', '", leaf.values()) + "'");
            }
        });
        others.keySet().stream().filter(path -> !these.containsKey(path) && !isAddress(path))
                .forEach(path -> out.append(" (no ").append(String.join(" ", path)).append(')'));
        return out.toString();
    }

    private static boolean isAddress(List<String> path) {
        return path.equals(List.of("ip-address")) || path.equals(List.of("mac-address"));
    }

    static String text(Leaf leaf) {
        return leaf.values().isEmpty() ? "(set)" : String.join(", ", leaf.values());
    }
}
