package io.metalboot.router.edgeos;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The {@code set}/{@code delete} lines that turn one configuration branch into exactly another:
 * a node missing on one side is deleted or set whole, a single value is set, and a multi-value
 * node keeps its values' order (values are deleted and appended when that gives the wanted order,
 * else the node is deleted and set again). Comments are carried over.
 */
final class TreeDiff {
    private TreeDiff() {
    }

    /** The lines turning {@code from} into {@code to} at {@code path} (empty when they are equal). */
    static List<String> lines(ConfigTree from, ConfigTree to, List<String> path) {
        List<String> out = new ArrayList<>();
        diff(from.root().find(path), to.root().find(path), path, out);
        List<String> comments = out.stream().filter(line -> line.startsWith("comment ")).toList();
        List<String> ordered = new ArrayList<>(out.stream().filter(line -> !line.startsWith("comment ")).toList());
        ordered.addAll(comments);
        return ordered;
    }

    private static void diff(Optional<Node> from, Optional<Node> to, List<String> path, List<String> out) {
        if (to.isEmpty()) {
            from.ifPresent(node -> out.add(Leaves.delete(path)));
            return;
        }
        if (from.isEmpty() || from.get().kind() != to.get().kind()) {
            from.ifPresent(node -> out.add(Leaves.delete(path)));
            out.addAll(ConfigTree.of(Node.container().replace(path, to.get())).toSetCommands());
            return;
        }
        Node was = from.get();
        Node want = to.get();
        if (want.kind() != Kind.TAG && !was.comment().equals(want.comment())) {
            out.add("comment " + VyattaWords.join(path) + " " + VyattaWords.quote(want.comment().orElse("")));
        }
        switch (want.kind()) {
            case LEAF -> {
                if (!was.values().equals(want.values())) {
                    want.values().forEach(value -> out.add(set(path, value)));
                }
            }
            case MULTI -> multi(was.values(), want.values(), path, out);
            case VALUELESS -> {
            }
            case CONTAINER, TAG -> {
                TreeSet<String> names = new TreeSet<>(DebianVersionOrder.INSTANCE);
                names.addAll(was.children().keySet());
                names.addAll(want.children().keySet());
                for (String name : names) {
                    diff(was.child(name), want.child(name), Leaves.concat(path, List.of(name)), out);
                }
            }
        }
    }

    private static void multi(List<String> was, List<String> want, List<String> path, List<String> out) {
        if (was.equals(want)) {
            return;
        }
        List<String> kept = was.stream().filter(want::contains).toList();
        if (want.size() >= kept.size() && want.subList(0, kept.size()).equals(kept)) {
            was.stream().filter(value -> !want.contains(value)).forEach(value -> out.add(Leaves.delete(Leaves.concat(path, List.of(value)))));
            want.subList(kept.size(), want.size()).forEach(value -> out.add(set(path, value)));
        } else {
            out.add(Leaves.delete(path));
            want.forEach(value -> out.add(set(path, value)));
        }
    }

    private static String set(List<String> path, String value) {
        return "set " + VyattaWords.join(Leaves.concat(path, List.of(value)));
    }
}
