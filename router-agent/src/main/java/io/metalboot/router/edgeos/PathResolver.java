package io.metalboot.router.edgeos;

import io.metalboot.router.edgeos.Schema.Def;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Resolves the words of a {@code set}/{@code delete} path against the schema and the existing tree,
 * like vyatta-cfg's {@code get_parsed_tmpl}: each word is a node name, a tag value or, last, a
 * leaf value. Outside the closed subtrees a node the schema does not know takes its kind from the
 * tree, else from the words left: one more word makes a valueless node, two a leaf and its value.
 */
final class PathResolver {

    /** How the path ends. */
    enum Ending { NODE, TAG_VALUE, LEAF_VALUE, NEEDS_VALUE }

    /** A resolved path: the node keys from the root, their templates, and the leaf value if any. */
    record Target(List<String> nodePath, List<Def> defs, Ending ending, Optional<String> value) {
        Def def() {
            return defs.get(defs.size() - 1);
        }
    }

    /** Either a target or the lines vyatta-cfg prints for an invalid path. */
    record Resolution(Optional<Target> target, List<String> errors) {
    }

    private PathResolver() {
    }

    static Resolution resolve(Node root, List<String> words, boolean validateValues) {
        String shown = String.join(" ", words);
        Resolution invalid = new Resolution(Optional.empty(), List.of("Configuration path: [" + shown + "] is not valid"));
        if (words.isEmpty()) {
            return invalid;
        }
        List<String> path = new ArrayList<>();
        List<Def> defs = new ArrayList<>();
        Def def = Schema.ROOT;
        Optional<Node> node = Optional.of(root);
        Ending ending = Ending.NODE;
        Optional<String> value = Optional.empty();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (word.isEmpty() && !(i == words.size() - 1 && def.kind().holdsValues())) {
                return invalid; // only a leaf value may be the empty string
            }
            Kind kind = def.kind();
            if (kind == Kind.VALUELESS && !def.closed() && node.isPresent()) {
                kind = Kind.CONTAINER; // a generic valueless node that turns out to have children
            }
            switch (kind) {
                case CONTAINER -> {
                    Optional<Node> childNode = node.flatMap(n -> n.child(word));
                    Optional<Def> childDef = def.child(word);
                    if (childDef.isEmpty() && def.closed()) {
                        return invalid;
                    }
                    int remaining = words.size() - i;
                    Def resolved = childDef.orElseGet(() -> Def.generic(word, childNode.map(Node::kind)
                            .orElse(remaining == 1 ? Kind.VALUELESS : remaining == 2 ? Kind.LEAF : Kind.CONTAINER)));
                    path.add(word);
                    defs.add(resolved);
                    def = resolved;
                    node = childNode;
                    ending = Ending.NODE;
                }
                case TAG -> {
                    if (validateValues) {
                        Optional<String> error = def.type().check(def.name(), word);
                        if (error.isPresent()) {
                            return new Resolution(Optional.empty(), List.of(error.get(), "Value validation failed"));
                        }
                    }
                    Def tagValue = new Def(word, Kind.CONTAINER, ValueType.TXT, Optional.empty(), def.closed(), def.children());
                    path.add(word);
                    defs.add(tagValue);
                    node = node.flatMap(n -> n.child(word));
                    def = tagValue;
                    ending = Ending.TAG_VALUE;
                }
                case LEAF, MULTI -> {
                    if (i != words.size() - 1) {
                        return invalid;
                    }
                    if (validateValues) {
                        Optional<String> error = def.type().check(def.name(), word);
                        if (error.isPresent()) {
                            return new Resolution(Optional.empty(), List.of(error.get(), "Value validation failed"));
                        }
                    }
                    value = Optional.of(word);
                    ending = Ending.LEAF_VALUE;
                }
                case VALUELESS -> {
                    return invalid;
                }
            }
        }
        if (ending == Ending.NODE && (def.kind() == Kind.TAG || def.kind().holdsValues())) {
            ending = Ending.NEEDS_VALUE;
        }
        return new Resolution(Optional.of(new Target(List.copyOf(path), List.copyOf(defs), ending, value)), List.of());
    }
}
