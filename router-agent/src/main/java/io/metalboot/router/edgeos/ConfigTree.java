package io.metalboot.router.edgeos;

import io.metalboot.router.RouterAgentException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An EdgeOS (Vyatta) configuration tree: immutable, ordered as the router displays it. Built from
 * config.boot ({@link #parseBoot}) or from {@code set} commands ({@link #fromCommands}), changed by
 * {@link #apply} with the router's own semantics and messages, printed back as config.boot
 * ({@link #toBoot}) or as the commands that recreate it ({@link #toSetCommands}). Two trees are
 * equal when they hold the same nodes, values (multi-values in order) and comments; the version
 * comments at the end of a config.boot are kept for printing but do not take part in equality.
 */
public final class ConfigTree {
    private static final ConfigTree EMPTY = new ConfigTree(Node.container(), List.of());

    private final Node root;
    private final List<String> trailer;

    /** A tree holding {@code root}, without trailer. */
    static ConfigTree of(Node root) {
        return new ConfigTree(root, List.of());
    }

    private ConfigTree(Node root, List<String> trailer) {
        this.root = root;
        this.trailer = List.copyOf(trailer);
    }

    public static ConfigTree empty() {
        return EMPTY;
    }

    /** Parses config.boot; {@code source} names the file in error messages ({@code config.boot:12: …}). */
    public static ConfigTree parseBoot(String text, String source) {
        BootFormat.Parsed parsed = BootFormat.parse(text, source);
        return new ConfigTree(parsed.root(), parsed.trailer());
    }

    public static ConfigTree parseBoot(String text) {
        return parseBoot(text, "config.boot");
    }

    /** Applies {@code set}/{@code delete}/{@code comment} lines to an empty tree; throws on the first that fails. */
    public static ConfigTree fromCommands(List<String> lines) {
        return empty().applyAll(lines);
    }

    /** Applies the lines in order; blank lines and {@code #} comments are skipped; throws on the first failure. */
    public ConfigTree applyAll(List<String> lines) {
        ConfigTree tree = this;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            ConfigChange change = tree.apply(line);
            if (change.failed()) {
                throw new RouterAgentException("command " + (i + 1) + " '" + line + "' was rejected: "
                        + String.join(" / ", change.output()) + " (fix the path or value; the router would refuse it too)");
            }
            tree = change.tree();
        }
        return tree;
    }

    /**
     * Applies one command line ({@code set …}, {@code delete …}, {@code comment … "text"}) the way
     * the EdgeOS configuration shell does, quoting included.
     */
    public ConfigChange apply(String line) {
        List<String> words = VyattaWords.split(line);
        if (words.isEmpty()) {
            throw new RouterAgentException("empty command line (expected 'set …', 'delete …' or 'comment …')");
        }
        List<String> path = words.subList(1, words.size());
        return switch (words.get(0)) {
            case "set" -> ConfigCommands.set(this, path);
            case "delete" -> ConfigCommands.delete(this, path);
            case "comment" -> ConfigCommands.comment(this, path);
            default -> throw new RouterAgentException("'" + words.get(0) + "' does not change the configuration tree"
                    + " (expected set, delete or comment; commit/save/discard belong to the session, not the tree)");
        };
    }

    /**
     * A command line split into words the way the EdgeOS shell does before {@code set}/{@code delete}
     * see them (quotes removed, {@code &quot;} kept); throws on an unterminated quote.
     */
    public static List<String> words(String line) {
        return VyattaWords.split(line);
    }

    /**
     * {@code set} with the words already split (as a shell hands them to {@code my_set}): the
     * path, then the value for a leaf. Same semantics and messages as {@link #apply}.
     */
    public ConfigChange set(List<String> words) {
        return ConfigCommands.set(this, List.copyOf(words));
    }

    /** {@code delete} with the words already split; see {@link #set(List)}. */
    public ConfigChange delete(List<String> words) {
        return ConfigCommands.delete(this, List.copyOf(words));
    }

    /** {@code comment PATH TEXT} with the words already split; see {@link #set(List)}. */
    public ConfigChange comment(List<String> words) {
        return ConfigCommands.comment(this, List.copyOf(words));
    }

    /**
     * This tree with the branch at {@code path} taken from {@code source}: replaced when the source
     * has it, removed (with ancestors the source does not have and that are left empty) when it
     * does not. This is how a commit makes one subtree of the working configuration active.
     */
    public ConfigTree graft(ConfigTree source, List<String> path) {
        List<String> at = List.copyOf(path);
        if (at.isEmpty()) {
            return withRoot(source.root);
        }
        Optional<Node> from = source.root.find(at);
        Node newRoot = root;
        if (from.isPresent()) {
            for (int depth = 1; depth < at.size(); depth++) {
                List<String> prefix = at.subList(0, depth);
                if (newRoot.find(prefix).isEmpty()) {
                    Node ancestor = source.root.find(prefix).orElseThrow();
                    newRoot = newRoot.replace(prefix, Node.of(ancestor.kind()).withComment(ancestor.comment()));
                }
            }
            return withRoot(newRoot.replace(at, from.get()));
        }
        if (root.find(at).isEmpty()) {
            return this;
        }
        newRoot = newRoot.remove(at);
        for (int depth = at.size() - 1; depth >= 1; depth--) {
            List<String> prefix = at.subList(0, depth);
            Optional<Node> left = newRoot.find(prefix);
            boolean empty = left.isPresent() && left.get().children().isEmpty() && left.get().values().isEmpty();
            boolean removable = left.isPresent() && (left.get().kind() == Kind.TAG
                    || (left.get().kind() == Kind.CONTAINER && source.root.find(prefix).isEmpty()));
            if (!empty || !removable) {
                break;
            }
            newRoot = newRoot.remove(prefix);
        }
        return withRoot(newRoot);
    }

    /** Whether the node at {@code path} is a multi-value leaf (cli-shell-api's returnValues needs one). */
    public boolean isMulti(String... path) {
        return root.find(Arrays.asList(path)).filter(node -> node.kind() == Kind.MULTI).isPresent();
    }

    /** Whether the node at {@code path} is a single-value leaf (cli-shell-api's returnValue needs one). */
    public boolean isLeaf(String... path) {
        return root.find(Arrays.asList(path)).filter(node -> node.kind() == Kind.LEAF).isPresent();
    }

    /** The tree in config.boot form, the trailing version comments included. */
    public String toBoot() {
        return BootFormat.print(root, trailer);
    }

    /** The {@code set} (then {@code comment}) commands that recreate this tree, in display order. */
    public List<String> toSetCommands() {
        List<String> sets = new ArrayList<>();
        List<String> comments = new ArrayList<>();
        commands(root, new ArrayList<>(), sets, comments);
        sets.addAll(comments);
        return List.copyOf(sets);
    }

    private static void commands(Node node, List<String> prefix, List<String> sets, List<String> comments) {
        for (Map.Entry<String, Node> entry : node.children().entrySet()) {
            prefix.add(entry.getKey());
            Node child = entry.getValue();
            if (child.kind() != Kind.TAG) {
                child.comment().ifPresent(text -> comments.add("comment " + VyattaWords.join(prefix) + " " + VyattaWords.quote(text)));
            }
            switch (child.kind()) {
                case LEAF, MULTI -> child.values().forEach(value -> {
                    prefix.add(value);
                    sets.add("set " + VyattaWords.join(prefix));
                    prefix.remove(prefix.size() - 1);
                });
                case VALUELESS -> sets.add("set " + VyattaWords.join(prefix));
                case CONTAINER -> {
                    if (child.children().isEmpty()) {
                        sets.add("set " + VyattaWords.join(prefix));
                    }
                    commands(child, prefix, sets, comments);
                }
                case TAG -> commands(child, prefix, sets, comments);
            }
            prefix.remove(prefix.size() - 1);
        }
    }

    /** The branch at {@code path} (node names and tag values) with its ancestors; empty when absent. */
    public ConfigTree subtree(String... path) {
        List<String> elements = Arrays.asList(path);
        return root.find(elements)
                .map(node -> new ConfigTree(Node.container().replace(elements, node), List.of()))
                .orElse(EMPTY);
    }

    public boolean exists(String... path) {
        return root.find(Arrays.asList(path)).isPresent();
    }

    /** The value of the single-value leaf at {@code path}. */
    public Optional<String> value(String... path) {
        return root.find(Arrays.asList(path)).filter(node -> node.kind().holdsValues())
                .flatMap(node -> node.values().stream().findFirst());
    }

    /** The values of the leaf at {@code path} in order; empty when absent. */
    public List<String> values(String... path) {
        return root.find(Arrays.asList(path)).map(Node::values).orElse(List.of());
    }

    /** The child names (or, below a tag node, the tag values) at {@code path} in display order. */
    public List<String> children(String... path) {
        return root.find(Arrays.asList(path)).map(node -> List.copyOf(node.children().keySet())).orElse(List.of());
    }

    /** The comment lines that end the config.boot this tree was read from. */
    public List<String> trailer() {
        return trailer;
    }

    /** This tree with the given trailing comments (e.g. the version comments of the router's firmware). */
    public ConfigTree withTrailer(List<String> commentLines) {
        return new ConfigTree(root, commentLines);
    }

    Node root() {
        return root;
    }

    ConfigTree withRoot(Node newRoot) {
        return new ConfigTree(newRoot, trailer);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ConfigTree tree && root.equals(tree.root);
    }

    @Override
    public int hashCode() {
        return root.hashCode();
    }

    @Override
    public String toString() {
        return toBoot();
    }
}
