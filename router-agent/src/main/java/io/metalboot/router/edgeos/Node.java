package io.metalboot.router.edgeos;

import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One immutable configuration node. Children are kept in Vyatta's display order (Debian version
 * order); for a {@link Kind#TAG} node the children are keyed by tag value and are containers.
 * Values of a {@link Kind#MULTI} node keep insertion order. The comment is the node's
 * {@code /* … *}{@code /} line in config.boot.
 */
record Node(Kind kind, List<String> values, SortedMap<String, Node> children, Optional<String> comment) {

    Node {
        values = List.copyOf(values);
        TreeMap<String, Node> sorted = new TreeMap<>(DebianVersionOrder.INSTANCE);
        sorted.putAll(children);
        children = Collections.unmodifiableSortedMap(sorted);
    }

    static Node container() {
        return new Node(Kind.CONTAINER, List.of(), new TreeMap<>(), Optional.empty());
    }

    static Node of(Kind kind) {
        return new Node(kind, List.of(), new TreeMap<>(), Optional.empty());
    }

    static Node leaf(Kind kind, List<String> values) {
        return new Node(kind, values, new TreeMap<>(), Optional.empty());
    }

    Optional<Node> child(String name) {
        return Optional.ofNullable(children.get(name));
    }

    Node withChild(String name, Node child) {
        TreeMap<String, Node> copy = new TreeMap<>(children);
        copy.put(name, child);
        return new Node(kind, values, copy, comment);
    }

    Node withoutChild(String name) {
        TreeMap<String, Node> copy = new TreeMap<>(children);
        copy.remove(name);
        return new Node(kind, values, copy, comment);
    }

    Node withValues(List<String> newValues) {
        return new Node(kind, newValues, children, comment);
    }

    Node withKind(Kind newKind) {
        return new Node(newKind, values, children, comment);
    }

    Node withComment(Optional<String> newComment) {
        return new Node(kind, values, children, newComment);
    }

    /** The node at {@code path} below this one (tag values are path elements like names). */
    Optional<Node> find(List<String> path) {
        Node current = this;
        for (String element : path) {
            Optional<Node> next = current.child(element);
            if (next.isEmpty()) {
                return Optional.empty();
            }
            current = next.get();
        }
        return Optional.of(current);
    }

    /** A copy with {@code replacement} at {@code path} (ancestors created as containers if missing). */
    Node replace(List<String> path, Node replacement) {
        if (path.isEmpty()) {
            return replacement;
        }
        Node child = child(path.get(0)).orElseGet(Node::container);
        return withChild(path.get(0), child.replace(path.subList(1, path.size()), replacement));
    }

    /** A copy without the node at {@code path}; ancestors stay even when left empty, as in Vyatta. */
    Node remove(List<String> path) {
        if (path.size() == 1) {
            return withoutChild(path.get(0));
        }
        return child(path.get(0))
                .map(child -> withChild(path.get(0), child.remove(path.subList(1, path.size()))))
                .orElse(this);
    }
}
