package io.metalboot.router.edgeos;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * How vyatta-cfg prints a configuration (cnode-algorithm.cpp {@code show_cfg_diff}): {@link #show}
 * is {@code cli-shell-api showCfg} outside a session (the brace format, no markers);
 * {@link #diff} is {@code showCfg} inside one (every line prefixed: {@code ' '} unchanged,
 * {@code +} added, {@code -} deleted, {@code >} changed value); {@link #contextDiff} is configure
 * mode's {@code compare} ({@code showConfig --show-context-diff}: only the changes, each group under
 * an {@code [edit …]} line). Default values are shown like any other value: the tree does not
 * record which values are defaults.
 */
public final class ConfigShow {
    private static final String SAME = "";
    private static final String NONE = " ";
    private static final String ADD = "+";
    private static final String DEL = "-";
    private static final String UPD = ">";

    private final StringBuilder out = new StringBuilder();
    private final boolean same;
    private final List<String> curPath = new ArrayList<>();
    private List<String> lastContext = List.of("");

    private ConfigShow(boolean same) {
        this.same = same;
    }

    /** {@code showCfg PATH…} outside a configuration session: the tree at {@code path}. */
    public static String show(ConfigTree tree, List<String> path) {
        return render(tree, tree, path, true, false);
    }

    /** {@code showCfg PATH…} inside a session: the working tree marked against the active one. */
    public static String diff(ConfigTree active, ConfigTree working, List<String> path) {
        return render(active, working, path, false, false);
    }

    /** {@code compare}: only what differs, under {@code [edit …]} context lines; empty when nothing does. */
    public static String contextDiff(ConfigTree active, ConfigTree working) {
        return render(active, working, List.of(), false, true);
    }

    private static String render(ConfigTree one, ConfigTree two, List<String> path, boolean same, boolean context) {
        if (!Schema.templated(path) || !path.isEmpty() && PathResolver.resolve(two.root(), path, false).target().isEmpty()) {
            return "Specified configuration path is not valid\n";
        }
        Optional<Node> first = one.root().find(path);
        Optional<Node> second = two.root().find(path);
        if (first.map(ConfigShow::empty).orElse(true) && second.map(ConfigShow::empty).orElse(true)) {
            return "Configuration under specified path is empty\n";
        }
        String name = path.isEmpty() ? "" : path.get(path.size() - 1);
        Optional<String> tagValue = Optional.empty();
        if (path.size() >= 2) {
            List<String> parent = path.subList(0, path.size() - 1);
            Node parentNode = two.root().find(parent).or(() -> one.root().find(parent)).orElseThrow();
            if (parentNode.kind() == Kind.TAG) {
                name = parent.get(parent.size() - 1);
                tagValue = Optional.of(path.get(path.size() - 1));
            }
        }
        ConfigShow printer = new ConfigShow(same);
        printer.node(name, tagValue, first.orElse(null), second.orElse(null), -1, context);
        return printer.out.toString();
    }

    private static boolean empty(Node node) {
        return node.children().isEmpty() && node.values().isEmpty();
    }

    private void node(String name, Optional<String> tagValue, Node one, Node two, int level, boolean context) {
        if (context) {
            if (one != null && one.equals(two)) {
                return;
            }
            level = 0;
        }
        Node node = one != null ? one : two;
        if (node.kind().holdsValues()) {
            leaf(name, one, two, Math.max(level, 0), context);
        } else {
            branch(name, tagValue, one, two, level, context);
        }
    }

    private void leaf(String name, Node one, Node two, int level, boolean context) {
        Node node = one != null ? one : two;
        String forced = one == null ? ADD : two == null ? DEL : same ? SAME : null;
        boolean commented = comment(one, two, level, context);
        if (commented) {
            context = false;
        }
        boolean multi = node.kind() == Kind.MULTI || (two != null && two.kind() == Kind.MULTI);
        if (multi && forced != null) {
            if (!commented && context) {
                printContext();
            }
            for (String value : node.values()) {
                line(forced, level, name + " " + BootFormat.quote(value));
            }
        } else if (multi) {
            List<String> values = new ArrayList<>();
            List<String> prefixes = new ArrayList<>();
            boolean changed = compareMulti(one.values(), two.values(), values, prefixes);
            if (!context || changed) {
                for (int i = 0; i < values.size(); i++) {
                    if (context && prefixes.get(i).equals(NONE)) {
                        continue;
                    }
                    if (!commented && context) {
                        printContext();
                        commented = true;
                    }
                    line(prefixes.get(i), level, name + " " + BootFormat.quote(values.get(i)));
                }
            }
        } else {
            String value = node.values().isEmpty() ? "" : node.values().get(0);
            if (forced == null) {
                value = two.values().isEmpty() ? "" : two.values().get(0);
                forced = one.values().equals(two.values()) ? NONE : UPD;
            }
            boolean changed = !forced.equals(NONE) && !forced.equals(SAME);
            if (!context || changed) {
                if (!commented && context) {
                    printContext();
                }
                line(forced, level, name + " " + BootFormat.quote(value));
            }
        }
    }

    /** _cmp_multi_values: deleted values first, then the new ones marked added, unchanged or moved. */
    private static boolean compareMulti(List<String> before, List<String> after, List<String> values, List<String> prefixes) {
        boolean changed = false;
        for (String value : before) {
            if (!after.contains(value)) {
                values.add(value);
                prefixes.add(DEL);
                changed = true;
            }
        }
        for (int i = 0; i < after.size(); i++) {
            values.add(after.get(i));
            if (!before.contains(after.get(i))) {
                prefixes.add(ADD);
                changed = true;
            } else if (i < before.size() && after.get(i).equals(before.get(i))) {
                prefixes.add(NONE);
            } else {
                prefixes.add(UPD);
                changed = true;
            }
        }
        return changed;
    }

    private void branch(String name, Optional<String> tagValue, Node one, Node two, int level, boolean context) {
        Node node = one != null ? one : two;
        String prefix = one == null ? ADD : two == null ? DEL : same ? SAME : NONE;
        boolean tagNode = node.kind() == Kind.TAG && tagValue.isEmpty();
        boolean typeless = node.kind() == Kind.VALUELESS;
        boolean printThis = !tagNode && level >= 0 && !name.isEmpty();
        boolean originalContext = context;
        int next = level + 1;
        if (printThis) {
            boolean commented = comment(one, two, level, originalContext);
            if (originalContext && !prefix.equals(NONE)) {
                context = false; // the whole subtree was added or deleted: show all of it
            }
            if (commented || !originalContext || !prefix.equals(NONE)) {
                if (!commented && originalContext) {
                    printContext();
                }
                String label = tagValue.map(value -> name + " " + value).orElse(name);
                if (commented && originalContext && prefix.equals(NONE)) {
                    line(prefix, level, label + " { ... }");
                    typeless = true;
                } else {
                    line(prefix, level, label + (typeless ? "" : " {"));
                }
            }
            curPath.add(name);
            tagValue.ifPresent(curPath::add);
        } else {
            next = Math.max(level, 0);
        }
        TreeSet<String> keys = new TreeSet<>(DebianVersionOrder.INSTANCE);
        if (one != null) {
            keys.addAll(one.children().keySet());
        }
        if (two != null) {
            keys.addAll(two.children().keySet());
        }
        for (String key : keys) {
            Node childOne = one == null ? null : one.child(key).orElse(null);
            Node childTwo = two == null ? null : two.child(key).orElse(null);
            if (tagNode) {
                node(name, Optional.of(key), childOne, childTwo, next, context);
            } else {
                node(key, Optional.empty(), childOne, childTwo, next, context);
            }
        }
        if (printThis) {
            curPath.remove(curPath.size() - 1);
            tagValue.ifPresent(value -> curPath.remove(curPath.size() - 1));
            if ((!originalContext || !prefix.equals(NONE)) && !typeless) {
                line(prefix, level, "}");
            }
        }
    }

    /** _diff_print_comment: the node's comment line, marked when it changed; whether it printed. */
    private boolean comment(Node one, Node two, int level, boolean context) {
        String prefix;
        String text;
        if (same) {
            prefix = SAME;
            text = one.comment().orElse("");
        } else {
            String before = one == null ? "" : one.comment().orElse("");
            String after = two == null ? "" : two.comment().orElse("");
            if (!before.isEmpty()) {
                text = after.isEmpty() ? before : after;
                prefix = after.isEmpty() ? DEL : before.equals(after) ? NONE : UPD;
            } else {
                text = after;
                prefix = after.isEmpty() ? NONE : ADD;
            }
        }
        if (text.isEmpty() || (context && (prefix.equals(NONE) || prefix.equals(SAME)))) {
            return false;
        }
        if (context) {
            printContext();
        }
        line(prefix, level, "/* " + text + " */");
        return true;
    }

    private void printContext() {
        if (lastContext.equals(curPath)) {
            return;
        }
        lastContext = List.copyOf(curPath);
        out.append("[edit");
        curPath.forEach(element -> out.append(' ').append(element));
        out.append("]\n");
    }

    private void line(String prefix, int level, String text) {
        out.append(prefix).append("    ".repeat(level)).append(text).append('\n');
    }
}
