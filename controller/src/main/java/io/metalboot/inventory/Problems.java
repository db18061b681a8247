package io.metalboot.inventory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.Node;

/** Collects every problem of one inventory file so {@code check} reports them all in one run. */
final class Problems {
    private final String file;
    private final List<Problem> list = new ArrayList<>();
    private final List<Problem> warnings = new ArrayList<>();
    private final Map<String, Integer> lines = new HashMap<>();

    Problems(String file) {
        this.file = file;
    }

    String file() {
        return file;
    }

    void add(int line, String message) {
        list.add(new Problem(file, line, message));
    }

    /** Something valid that the user should know about; it does not stop the inventory from loading. */
    void warn(int line, String message) {
        warnings.add(new Problem(file, line, message));
    }

    List<String> warnings() {
        return warnings.stream().sorted().map(Problem::toString).toList();
    }

    void add(Node node, String message) {
        add(lineOf(node), message);
    }

    /** Remembers where a field was read, so rules that span sections can point at it. */
    void remember(String path, int line) {
        lines.putIfAbsent(path, line);
    }

    /** The line recorded for exactly {@code path}, else {@code fallback}. */
    int lineOf(String path, int fallback) {
        return lines.getOrDefault(path, fallback);
    }

    /** The line of a field read earlier, or the nearest enclosing one, or 1. */
    int lineOf(String path) {
        for (String p = path; !p.isEmpty(); p = p.contains(".") ? p.substring(0, p.lastIndexOf('.')) : "") {
            Integer line = lines.get(p);
            if (line != null) {
                return line;
            }
        }
        return 1;
    }

    static int lineOf(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    boolean isEmpty() {
        return list.isEmpty();
    }

    List<Problem> list() {
        return List.copyOf(list);
    }
}
