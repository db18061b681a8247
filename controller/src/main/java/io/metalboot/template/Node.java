package io.metalboot.template;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The parse tree, after Go's {@code parse/node.go}. {@code pos} is the source offset used in messages;
 * {@code toString()} gives Go's rendering of a node, which exec errors show as {@code at <…>}.
 */
sealed interface Node {
    int pos();

    /** A list of nodes: a template body, or the body of an if/with/range/else. */
    record Sequence(int pos, List<Node> nodes) implements Node {
        public Sequence {
            nodes = List.copyOf(nodes);
        }

        @Override
        public String toString() {
            return nodes.stream().map(Node::toString).collect(Collectors.joining());
        }
    }

    record Text(int pos, String text) implements Node {
        @Override
        public String toString() {
            return text;
        }
    }

    /** {{pipeline}}: evaluated and printed unless it declares or assigns variables. */
    record Action(int pos, Pipe pipe) implements Node {
        @Override
        public String toString() {
            return "{{" + pipe + "}}";
        }
    }

    /** Optional declarations ($x := / $x =) followed by commands separated by '|'. */
    record Pipe(int pos, boolean isAssign, List<Variable> decl, List<Command> cmds) implements Node {
        @Override
        public String toString() {
            String vars = decl.isEmpty() ? ""
                    : decl.stream().map(Node::toString).collect(Collectors.joining(", "))
                            + (isAssign ? " = " : " := ");
            return vars + cmds.stream().map(Node::toString).collect(Collectors.joining(" | "));
        }
    }

    /** A function, field or value followed by space-separated arguments. */
    record Command(int pos, List<Node> args) implements Node {
        @Override
        public String toString() {
            return args.stream().map(a -> a instanceof Pipe ? "(" + a + ")" : a.toString())
                    .collect(Collectors.joining(" "));
        }
    }

    /** .a.b: keys looked up from dot. */
    record Field(int pos, List<String> ident) implements Node {
        @Override
        public String toString() {
            return "." + String.join(".", ident);
        }
    }

    /** $x or $x.a.b: ident.get(0) is the variable name including '$'. */
    record Variable(int pos, List<String> ident) implements Node {
        String name() {
            return ident.get(0);
        }

        @Override
        public String toString() {
            return String.join(".", ident);
        }
    }

    /** (pipeline).a.b and other terms followed by field lookups. */
    record Chain(int pos, Node node, List<String> fields) implements Node {
        @Override
        public String toString() {
            String base = node instanceof Pipe ? "(" + node + ")" : node.toString();
            return base + fields.stream().map(f -> "." + f).collect(Collectors.joining());
        }
    }

    record Identifier(int pos, String name) implements Node {
        @Override
        public String toString() {
            return name;
        }
    }

    record Dot(int pos) implements Node {
        @Override
        public String toString() {
            return ".";
        }
    }

    record Nil(int pos) implements Node {
        @Override
        public String toString() {
            return "nil";
        }
    }

    record Bool(int pos, boolean value) implements Node {
        @Override
        public String toString() {
            return Boolean.toString(value);
        }
    }

    /** A number or character constant: value is an Integer, Long or Double. */
    record Number(int pos, String text, java.lang.Number value) implements Node {
        @Override
        public String toString() {
            return text;
        }
    }

    /** A string constant: quoted is the source form, text the value. */
    record Str(int pos, String quoted, String text) implements Node {
        @Override
        public String toString() {
            return quoted;
        }
    }

    /** {{if}}, {{with}} or {{range}} with its body and optional {{else}} body (null when absent). */
    record Branch(int pos, String keyword, Pipe pipe, Sequence list, Sequence elseList) implements Node {
        @Override
        public String toString() {
            String otherwise = elseList == null ? "" : "{{else}}" + elseList;
            return "{{" + keyword + " " + pipe + "}}" + list + otherwise + "{{end}}";
        }
    }

    /** {{template "name" pipeline}}, also what a {{block}} leaves in place; pipe may be null. */
    record TemplateCall(int pos, String name, Pipe pipe) implements Node {
        @Override
        public String toString() {
            return "{{template " + Quote.string(name) + (pipe == null ? "" : " " + pipe) + "}}";
        }
    }

    record Break(int pos) implements Node {
        @Override
        public String toString() {
            return "{{break}}";
        }
    }

    record Continue(int pos) implements Node {
        @Override
        public String toString() {
            return "{{continue}}";
        }
    }

    /** {{end}}: seen only by the parser. */
    record End(int pos) implements Node {
        @Override
        public String toString() {
            return "{{end}}";
        }
    }

    /** {{else}}: seen only by the parser. */
    record Else(int pos) implements Node {
        @Override
        public String toString() {
            return "{{else}}";
        }
    }
}
