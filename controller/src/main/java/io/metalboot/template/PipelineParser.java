package io.metalboot.template;

import io.metalboot.template.Node.Command;
import io.metalboot.template.Node.Pipe;
import io.metalboot.template.Node.Variable;
import io.metalboot.template.Token.Kind;
import java.util.ArrayList;
import java.util.List;

/** Go's {@code parse.go} for pipelines: declarations, commands, operands and terms. */
final class PipelineParser {
    private static final int MAX_PAREN_DEPTH = 1000;

    private final Parser p;
    private int parenDepth;

    PipelineParser(Parser parser) {
        this.p = parser;
    }

    /** {@code [$x := | $x = | $i, $e :=] command ('|' command)*} up to the {@code end} token. */
    Pipe pipeline(String context, Kind end) {
        int pos = p.in.peekNonSpace().pos();
        List<Variable> decl = new ArrayList<>();
        boolean isAssign = false;
        while (p.in.peekNonSpace().kind() == Kind.VARIABLE) {
            int save = p.in.mark();
            Token v = p.in.next();
            Token after = p.in.peekNonSpace();
            if (after.kind() == Kind.ASSIGN || after.kind() == Kind.DECLARE) {
                isAssign = after.kind() == Kind.ASSIGN;
                p.in.nextNonSpace();
                declare(decl, v);
                break;
            }
            if (after.kind() == Kind.CHAR && after.val().equals(",")) {
                p.in.nextNonSpace();
                declare(decl, v);
                if (context.equals("range") && decl.size() < 2) {
                    Kind k = p.in.peekNonSpace().kind();
                    if (k == Kind.VARIABLE || k == Kind.RIGHT_DELIM || k == Kind.RIGHT_PAREN) {
                        continue;
                    }
                    throw p.error(p.in.peekNonSpace().pos(), "range can only initialize variables");
                }
                throw p.error(v.pos(), "too many declarations in " + context);
            }
            p.in.reset(save);
            break;
        }
        List<Command> cmds = new ArrayList<>();
        while (true) {
            Token t = p.in.nextNonSpace();
            if (t.kind() == end) {
                check(cmds, context, t);
                return new Pipe(pos, isAssign, List.copyOf(decl), List.copyOf(cmds));
            }
            switch (t.kind()) {
                case BOOL, CHAR_CONSTANT, COMPLEX, DOT, FIELD, IDENTIFIER, NUMBER, NIL, RAW_STRING, STRING,
                     VARIABLE, LEFT_PAREN -> {
                    p.in.backup();
                    cmds.add(command());
                }
                default -> throw p.unexpected(t, context);
            }
        }
    }

    private void declare(List<Variable> decl, Token v) {
        decl.add(new Variable(v.pos(), List.of(v.val())));
        p.vars.add(v.val());
    }

    private void check(List<Command> cmds, String context, Token end) {
        if (cmds.isEmpty()) {
            throw p.error(end.pos(), "missing value for " + context);
        }
        for (int i = 1; i < cmds.size(); i++) {
            Node first = cmds.get(i).args().get(0);
            if (first instanceof Node.Bool || first instanceof Node.Dot || first instanceof Node.Nil
                    || first instanceof Node.Number || first instanceof Node.Str) {
                throw p.error(first.pos(), "non executable command in pipeline stage " + (i + 1)
                        + ": " + first + " is a value, not a function to pass the piped value to");
            }
        }
    }

    /** Space-separated operands up to '|', which is consumed, or a right delimiter/paren, which is not. */
    private Command command() {
        int pos = p.in.peekNonSpace().pos();
        List<Node> args = new ArrayList<>();
        while (true) {
            p.in.peekNonSpace();
            Node operand = operand();
            if (operand != null) {
                args.add(operand);
            }
            Token t = p.in.next();
            if (t.kind() == Kind.SPACE) {
                continue;
            }
            if (t.kind() == Kind.RIGHT_DELIM || t.kind() == Kind.RIGHT_PAREN) {
                p.in.backup();
            } else if (t.kind() != Kind.PIPE) {
                throw p.unexpected(t, "operand");
            }
            break;
        }
        if (args.isEmpty()) {
            throw p.error(pos, "empty command");
        }
        return new Command(pos, List.copyOf(args));
    }

    /** A term possibly followed by .field lookups; null if the next token starts no operand. */
    private Node operand() {
        Node node = term();
        if (node == null || p.in.peek().kind() != Kind.FIELD) {
            return node;
        }
        List<String> fields = new ArrayList<>();
        while (p.in.peek().kind() == Kind.FIELD) {
            fields.add(p.in.next().val().substring(1));
        }
        return switch (node) {
            case Node.Field f -> new Node.Field(f.pos(), concat(f.ident(), fields));
            case Variable v -> new Variable(v.pos(), concat(v.ident(), fields));
            case Node.Bool b -> throw unexpectedDot(b);
            case Node.Str s -> throw unexpectedDot(s);
            case Node.Number n -> throw unexpectedDot(n);
            case Node.Nil n -> throw unexpectedDot(n);
            case Node.Dot d -> throw unexpectedDot(d);
            default -> new Node.Chain(node.pos(), node, List.copyOf(fields));
        };
    }

    private TemplateException unexpectedDot(Node term) {
        return p.error(term.pos(), "unexpected . after term " + Quote.string(term.toString()));
    }

    private Node term() {
        Token t = p.in.nextNonSpace();
        return switch (t.kind()) {
            case IDENTIFIER -> {
                if (!p.functions.contains(t.val())) {
                    throw p.error(t.pos(), "function " + Quote.string(t.val()) + " not defined");
                }
                yield new Node.Identifier(t.pos(), t.val());
            }
            case DOT -> new Node.Dot(t.pos());
            case NIL -> new Node.Nil(t.pos());
            case VARIABLE -> {
                if (!p.vars.contains(t.val())) {
                    throw p.error(t.pos(), "undefined variable " + Quote.string(t.val()));
                }
                yield new Variable(t.pos(), List.of(t.val()));
            }
            case FIELD -> new Node.Field(t.pos(), List.of(t.val().substring(1)));
            case BOOL -> new Node.Bool(t.pos(), t.val().equals("true"));
            case CHAR_CONSTANT, NUMBER, COMPLEX -> number(t);
            case LEFT_PAREN -> {
                if (parenDepth >= MAX_PAREN_DEPTH) {
                    throw p.error(t.pos(), "max expression depth exceeded");
                }
                parenDepth++;
                try {
                    yield pipeline("parenthesized pipeline", Kind.RIGHT_PAREN);
                } finally {
                    parenDepth--;
                }
            }
            case STRING, RAW_STRING -> new Node.Str(t.pos(), t.val(), p.unquote(t));
            default -> {
                p.in.backup();
                yield null;
            }
        };
    }

    private Node number(Token t) {
        try {
            java.lang.Number value = t.kind() == Kind.CHAR_CONSTANT
                    ? Literals.charValue(t.val())
                    : Literals.number(t.val());
            return new Node.Number(t.pos(), t.val(), value);
        } catch (IllegalArgumentException e) {
            throw p.error(t.pos(), e.getMessage());
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }
}
