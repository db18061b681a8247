package io.metalboot.router.edgeos;

import io.metalboot.router.edgeos.ConfigChange.Status;
import io.metalboot.router.edgeos.PathResolver.Ending;
import io.metalboot.router.edgeos.PathResolver.Resolution;
import io.metalboot.router.edgeos.PathResolver.Target;
import io.metalboot.router.edgeos.Schema.Def;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code set}, {@code delete} and {@code comment} with vyatta-cfg's semantics (cstore.cpp:
 * {@code set_cfg_path}, {@code deleteCfgPath}, {@code commentCfgPath}): creating a node also
 * creates its children that have defaults; deleting a node with a default resets it; deleting the
 * last tag value or the last value of a multi node removes the node.
 */
final class ConfigCommands {
    private ConfigCommands() {
    }

    static ConfigChange set(ConfigTree tree, List<String> words) {
        if (words.isEmpty()) {
            return failed(tree, List.of("Need to specify the config node to set"), "Set");
        }
        Resolution resolution = PathResolver.resolve(tree.root(), words, true);
        if (resolution.target().isEmpty()) {
            return failed(tree, resolution.errors(), "Set");
        }
        Target target = resolution.target().get();
        if (target.ending() == Ending.NEEDS_VALUE) {
            return failed(tree, List.of("Configuration path: [" + String.join(" ", words) + "] requires a value"), "Set");
        }
        Node root = tree.root();
        boolean existed = true;
        List<String> path = target.nodePath();
        for (int depth = 1; depth <= path.size(); depth++) {
            List<String> prefix = path.subList(0, depth);
            Def def = target.defs().get(depth - 1);
            Optional<Node> existing = root.find(prefix);
            if (existing.isPresent()) {
                if (existing.get().kind() == Kind.VALUELESS && def.kind() == Kind.CONTAINER) {
                    root = root.replace(prefix, existing.get().withKind(Kind.CONTAINER));
                }
                continue;
            }
            existed = false;
            root = root.replace(prefix, create(def));
        }
        if (target.value().isPresent()) {
            String value = target.value().get();
            Node leaf = root.find(path).orElseThrow();
            if (target.def().kind() == Kind.MULTI && !leaf.values().contains(value)) {
                List<String> values = new ArrayList<>(leaf.values());
                values.add(value);
                root = root.replace(path, leaf.withKind(Kind.MULTI).withValues(values));
                existed = false;
            } else if (target.def().kind() == Kind.LEAF && !leaf.values().equals(List.of(value))) {
                root = root.replace(path, leaf.withValues(List.of(value)));
                existed = false;
            }
        }
        if (existed) {
            return new ConfigChange(tree, Status.ALREADY_EXISTS,
                    List.of("Configuration path: [" + String.join(" ", words) + "] already exists"));
        }
        return new ConfigChange(tree.withRoot(root), Status.APPLIED, List.of());
    }

    /** A new node for {@code def}, with the children that have defaults (vyatta's create_default_children). */
    private static Node create(Def def) {
        Node node = Node.of(def.kind());
        if (def.kind() == Kind.CONTAINER) {
            for (Map.Entry<String, Def> child : def.children().entrySet()) {
                Optional<String> defaultValue = child.getValue().defaultValue();
                if (defaultValue.isPresent()) {
                    node = node.withChild(child.getKey(), Node.leaf(child.getValue().kind(), List.of(defaultValue.get())));
                }
            }
        }
        return node;
    }

    static ConfigChange delete(ConfigTree tree, List<String> words) {
        if (words.isEmpty()) {
            return failed(tree, List.of("Need to specify the config node to delete"), "Delete");
        }
        Resolution resolution = PathResolver.resolve(tree.root(), words, false);
        if (resolution.target().isEmpty()) {
            return failed(tree, resolution.errors(), "Delete");
        }
        Target target = resolution.target().get();
        List<String> path = target.nodePath();
        Optional<Node> node = tree.root().find(path);
        boolean isValue = target.ending() == Ending.LEAF_VALUE;
        if (node.isEmpty() || (isValue && !node.get().values().contains(target.value().get()))) {
            return new ConfigChange(tree, Status.NOTHING_TO_DELETE,
                    List.of("Nothing to delete (the specified " + (isValue ? "value" : "node") + " does not exist)"));
        }
        Node root = tree.root();
        Optional<String> defaultValue = target.def().defaultValue();
        if (defaultValue.isPresent()) {
            root = root.replace(path, node.get().withValues(List.of(defaultValue.get())));
        } else if (isValue && node.get().kind() == Kind.MULTI && node.get().values().size() > 1) {
            List<String> values = new ArrayList<>(node.get().values());
            values.remove(target.value().get());
            root = root.replace(path, node.get().withValues(values));
        } else {
            root = root.remove(path);
            if (target.ending() == Ending.TAG_VALUE) {
                List<String> tagPath = path.subList(0, path.size() - 1);
                if (root.find(tagPath).map(tag -> tag.children().isEmpty()).orElse(false)) {
                    root = root.remove(tagPath);
                }
            }
        }
        return new ConfigChange(tree.withRoot(root), Status.APPLIED, List.of());
    }

    static ConfigChange comment(ConfigTree tree, List<String> words) {
        if (words.size() < 2) {
            return failed(tree, List.of("Need to specify the config node to comment"), "Comment");
        }
        List<String> pathWords = words.subList(0, words.size() - 1);
        String text = words.get(words.size() - 1);
        Resolution resolution = PathResolver.resolve(tree.root(), pathWords, false);
        if (resolution.target().isEmpty()) {
            return failed(tree, resolution.errors(), "Comment");
        }
        Target target = resolution.target().get();
        Optional<Node> node = tree.root().find(target.nodePath());
        if (node.isEmpty()) {
            return failed(tree, List.of("The specified config node does not exist"), "Comment");
        }
        if (target.ending() == Ending.LEAF_VALUE) {
            return failed(tree, List.of("Cannot comment on config values"), "Comment");
        }
        if (node.get().kind() == Kind.TAG) {
            return failed(tree, List.of("Cannot add comment at this level"), "Comment");
        }
        if (text.contains("*")) {
            return failed(tree, List.of("Cannot use the '*' character in a comment"), "Comment");
        }
        Node commented = node.get().withComment(text.isEmpty() ? Optional.empty() : Optional.of(text));
        return new ConfigChange(tree.withRoot(tree.root().replace(target.nodePath(), commented)), Status.APPLIED, List.of());
    }

    private static ConfigChange failed(ConfigTree tree, List<String> reasons, String operation) {
        List<String> output = new ArrayList<>(reasons);
        output.add(operation + " failed");
        return new ConfigChange(tree, Status.FAILED, output);
    }
}
