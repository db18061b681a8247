package io.metalboot.router.edgeos;

import io.metalboot.router.RouterAgentException;
import io.metalboot.router.edgeos.Schema.Def;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * config.boot's brace format as vyatta-cfg writes it (cnode-algorithm.cpp {@code _show_diff}):
 * four spaces per level; {@code name {}} for a container, {@code name value {} } for a tag value
 * (the value never quoted), {@code name value} per value of a leaf (quoted when empty or holding
 * whitespace or one of {@code * } { ;}), a bare {@code name} for a valueless node, and a
 * {@code /* … *}{@code /} line before a commented node. Comments after the last node (the version
 * trailer) are kept verbatim.
 */
final class BootFormat {
    private static final String VALUE_NEEDS_QUOTES = "*}{;\t\n\u000b\f\r ";

    private BootFormat() {
    }

    /** Parsed file: the tree and the comment lines after the last node. */
    record Parsed(Node root, List<String> trailer) {
    }

    private record Frame(List<String> path, Def def) {
    }

    static Parsed parse(String text, String source) {
        Node root = Node.container();
        Deque<Frame> stack = new ArrayDeque<>();
        stack.push(new Frame(List.of(), Schema.ROOT));
        Optional<String> pendingComment = Optional.empty();
        List<String> trailer = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int number = 1; number <= lines.length; number++) {
            String line = lines[number - 1].strip();
            if (line.isEmpty()) {
                continue;
            }
            String where = source + ":" + number + ": ";
            if (line.startsWith("/*")) {
                if (!line.endsWith("*/")) {
                    throw new RouterAgentException(where + "comment '" + line + "' is not closed on its line (expected '*/' at the end)");
                }
                pendingComment.ifPresent(earlier -> trailer.add(commentLine(earlier)));
                pendingComment = Optional.of(line.substring(2, line.length() - 2).strip());
                continue;
            }
            if (!trailer.isEmpty()) {
                throw new RouterAgentException(where + "configuration after consecutive comments (a node takes one comment;"
                        + " only the version comments at the end of the file come in a row)");
            }
            if (line.equals("}")) {
                if (stack.size() == 1) {
                    throw new RouterAgentException(where + "'}' without a matching '{' (check the braces above this line)");
                }
                stack.pop();
                pendingComment = Optional.empty();
                continue;
            }
            List<String> words = new ArrayList<>();
            boolean opens = words(line, where, words);
            List<String> tokens = opens ? words.subList(0, words.size() - 1) : words;
            if (tokens.isEmpty() || tokens.size() > 2) {
                throw new RouterAgentException(where + "cannot read '" + line + "' (expected 'name', 'name value', 'name {' or 'name value {')");
            }
            Frame frame = stack.peek();
            String name = tokens.get(0);
            Def def = childDef(frame.def(), name, opens ? (tokens.size() == 2 ? Kind.TAG : Kind.CONTAINER)
                    : (tokens.size() == 2 ? Kind.LEAF : Kind.VALUELESS));
            List<String> path = append(frame.path(), name);
            Optional<Node> existing = root.find(path);
            if (opens && tokens.size() == 2) {
                Node tag = existing.orElseGet(() -> Node.of(Kind.TAG));
                List<String> valuePath = append(path, tokens.get(1));
                Node value = tag.child(tokens.get(1)).orElseGet(Node::container);
                root = root.replace(path, tag).replace(valuePath, commented(value, pendingComment));
                stack.push(new Frame(valuePath, new Def(tokens.get(1), Kind.CONTAINER, ValueType.TXT, Optional.empty(),
                        def.closed(), def.children())));
            } else if (opens) {
                Node container = existing.filter(node -> node.kind() == Kind.CONTAINER).orElseGet(Node::container);
                root = root.replace(path, commented(container, pendingComment));
                stack.push(new Frame(path, def));
            } else if (tokens.size() == 2) {
                if (existing.isPresent() && def.kind() == Kind.LEAF && !def.type().name().equals("any")) {
                    throw new RouterAgentException(where + "'" + name + "' appears twice but holds a single value (remove one of the lines)");
                }
                List<String> values = new ArrayList<>(existing.map(Node::values).orElse(List.of()));
                values.add(tokens.get(1));
                Kind kind = def.kind() == Kind.MULTI || values.size() > 1 ? Kind.MULTI : Kind.LEAF;
                Optional<String> comment = existing.flatMap(Node::comment).isPresent()
                        ? existing.flatMap(Node::comment) : pendingComment;
                Node leaf = Node.leaf(kind, values).withComment(comment);
                root = root.replace(path, leaf);
            } else {
                root = root.replace(path, Node.of(Kind.VALUELESS).withComment(pendingComment));
            }
            pendingComment = Optional.empty();
        }
        if (stack.size() != 1) {
            throw new RouterAgentException(source + ": " + (stack.size() - 1) + " '{' not closed at the end of the file (add the missing '}')");
        }
        pendingComment.ifPresent(comment -> trailer.add(commentLine(comment)));
        return new Parsed(root, trailer);
    }

    /** A block opened again ({@code service {} twice) continues the first one, as Vyatta's parser merges them. */
    private static Node commented(Node node, Optional<String> comment) {
        return comment.isPresent() ? node.withComment(comment) : node;
    }

    private static Def childDef(Def parent, String name, Kind syntaxKind) {
        return parent.child(name).orElseGet(() -> Def.generic(name, syntaxKind));
    }

    private static List<String> append(List<String> path, String element) {
        List<String> longer = new ArrayList<>(path);
        longer.add(element);
        return List.copyOf(longer);
    }

    /** Splits a line into words (a quoted value is one word); returns whether it ends with a bare '{'. */
    private static boolean words(String line, String where, List<String> words) {
        boolean opens = false;
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == ' ' || c == '\t') {
                i++;
            } else if (c == '"') {
                int end = line.indexOf('"', i + 1);
                if (end < 0) {
                    throw new RouterAgentException(where + "unterminated quote in '" + line + "' (close the value with '\"')");
                }
                words.add(line.substring(i + 1, end));
                opens = false;
                i = end + 1;
            } else {
                int end = i;
                while (end < line.length() && line.charAt(end) != ' ' && line.charAt(end) != '\t') {
                    end++;
                }
                words.add(line.substring(i, end));
                opens = words.get(words.size() - 1).equals("{");
                i = end;
            }
        }
        return opens;
    }

    static String print(Node root, List<String> trailer) {
        StringBuilder out = new StringBuilder();
        print(root, 0, out);
        trailer.forEach(line -> out.append(line).append('\n'));
        return out.toString();
    }

    private static void print(Node node, int level, StringBuilder out) {
        String indent = "    ".repeat(level);
        for (Map.Entry<String, Node> entry : node.children().entrySet()) {
            String name = entry.getKey();
            Node child = entry.getValue();
            if (child.kind() == Kind.TAG) {
                for (Map.Entry<String, Node> tagValue : child.children().entrySet()) {
                    comment(tagValue.getValue(), indent, out);
                    out.append(indent).append(name).append(' ').append(tagValue.getKey()).append(" {\n");
                    print(tagValue.getValue(), level + 1, out);
                    out.append(indent).append("}\n");
                }
                continue;
            }
            comment(child, indent, out);
            switch (child.kind()) {
                case LEAF, MULTI -> child.values().forEach(value ->
                        out.append(indent).append(name).append(' ').append(quote(value)).append('\n'));
                case VALUELESS -> out.append(indent).append(name).append('\n');
                default -> {
                    out.append(indent).append(name).append(" {\n");
                    print(child, level + 1, out);
                    out.append(indent).append("}\n");
                }
            }
        }
    }

    private static void comment(Node node, String indent, StringBuilder out) {
        node.comment().ifPresent(text -> out.append(indent).append(commentLine(text)).append('\n'));
    }

    private static String commentLine(String text) {
        return "/* " + text + " */";
    }

    static String quote(String value) {
        boolean needs = value.isEmpty() || value.chars().anyMatch(c -> VALUE_NEEDS_QUOTES.indexOf(c) >= 0);
        return needs ? "\"" + value + "\"" : value;
    }
}
