package io.metalboot.template;

import io.metalboot.template.Node.Branch;
import io.metalboot.template.Node.Else;
import io.metalboot.template.Node.End;
import io.metalboot.template.Node.Pipe;
import io.metalboot.template.Node.Sequence;
import io.metalboot.template.Token.Kind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Go's {@code parse/parse.go} for the control structure: text, actions, define/block/template,
 * if/with/range/else/end, break/continue. Pipelines and their operands are in {@link PipelineParser}.
 */
final class Parser {
    final Source source;
    final Set<String> functions;
    final Tokens in;
    private final Map<String, Sequence> templates = new LinkedHashMap<>();
    private final Map<String, Integer> definedAt = new LinkedHashMap<>();
    List<String> vars = new ArrayList<>(List.of("$"));
    private int rangeDepth;
    private final PipelineParser pipelines = new PipelineParser(this);

    private Parser(Source source, Set<String> functions) {
        this.source = source;
        this.functions = functions;
        this.in = new Tokens(Lexer.lex(source.text()));
    }

    /** Parses the source into its templates: the top level under the source name, plus each define/block. */
    static Map<String, Sequence> parse(Source source, Set<String> functions) {
        Parser p = new Parser(source, functions);
        List<Node> root = new ArrayList<>();
        int rootPos = p.in.peek().pos();
        while (p.in.peek().kind() != Kind.EOF) {
            if (p.in.peek().kind() == Kind.LEFT_DELIM) {
                int save = p.in.mark();
                Token delim = p.in.next();
                if (p.in.nextNonSpace().kind() == Kind.DEFINE) {
                    p.define(delim.pos());
                    continue;
                }
                p.in.reset(save);
            }
            Node n = p.textOrAction();
            if (n instanceof End || n instanceof Else) {
                throw p.error(n.pos(), n instanceof End
                        ? "unexpected {{end}}: no {{if}}, {{with}}, {{range}}, {{define}} or {{block}} is open here"
                        : "unexpected {{else}}: {{else}} belongs inside {{if}}, {{with}} or {{range}}");
            }
            root.add(n);
        }
        p.add(source.name(), new Sequence(rootPos, root), -1);
        return p.templates;
    }

    // ---- control structure --------------------------------------------------------------------

    private record ItemList(Sequence list, Node end) {
    }

    /** Text and actions up to an {@code {{end}}} or {@code {{else}}}, which is returned separately. */
    private ItemList itemList(String opener, int openerPos) {
        List<Node> list = new ArrayList<>();
        int pos = in.peekNonSpace().pos();
        while (in.peekNonSpace().kind() != Kind.EOF) {
            Node n = textOrAction();
            if (n instanceof End || n instanceof Else) {
                return new ItemList(new Sequence(pos, list), n);
            }
            list.add(n);
        }
        throw error(openerPos, "missing {{end}} for the {{" + opener + "}} opened here (the input ends at line "
                + source.line(source.text().length()) + ")");
    }

    private Node textOrAction() {
        Token t = in.nextNonSpace();
        return switch (t.kind()) {
            case TEXT -> new Node.Text(t.pos(), t.val());
            case LEFT_DELIM -> action(t.pos());
            default -> throw unexpected(t, "input");
        };
    }

    private Node action(int delimPos) {
        Token t = in.nextNonSpace();
        switch (t.kind()) {
            case BLOCK:
                return block(delimPos);
            case BREAK:
            case CONTINUE:
                return loopControl(t, delimPos);
            case ELSE:
                Token after = in.peekNonSpace();
                if (after.kind() != Kind.IF && after.kind() != Kind.WITH) {
                    expect(Kind.RIGHT_DELIM, "else");
                }
                return new Else(delimPos);
            case END:
                expect(Kind.RIGHT_DELIM, "end");
                return new End(delimPos);
            case IF:
            case RANGE:
            case WITH:
                return branch(t.val(), delimPos);
            case TEMPLATE:
                return templateCall();
            case DEFINE:
                throw error(t.pos(), "unexpected {{define}} inside an action or block: "
                        + "{{define}} is only allowed at the top level of the file");
            default:
                in.backup();
                return new Node.Action(in.peek().pos(), pipelines.pipeline("command", Kind.RIGHT_DELIM));
        }
    }

    private Node loopControl(Token keyword, int delimPos) {
        Token t = in.nextNonSpace();
        if (t.kind() != Kind.RIGHT_DELIM) {
            throw unexpected(t, "{{" + keyword.val() + "}}");
        }
        if (rangeDepth == 0) {
            throw error(delimPos, "{{" + keyword.val() + "}} outside {{range}}: it only works inside a {{range}} body");
        }
        return keyword.kind() == Kind.BREAK ? new Node.Break(delimPos) : new Node.Continue(delimPos);
    }

    /** {{if|with|range pipeline}} list [{{else}} list | {{else if|with …}} …] {{end}}. */
    private Branch branch(String keyword, int delimPos) {
        int varsMark = vars.size();
        Pipe pipe = pipelines.pipeline(keyword, Kind.RIGHT_DELIM);
        boolean isRange = keyword.equals("range");
        rangeDepth += isRange ? 1 : 0;
        ItemList body = itemList(keyword, delimPos);
        rangeDepth -= isRange ? 1 : 0;
        Sequence elseList = null;
        if (body.end() instanceof Else e) {
            Token chained = in.peek();
            if ((chained.kind() == Kind.IF || chained.kind() == Kind.WITH) && !chained.val().equals(keyword)) {
                throw error(e.pos(), "{{else " + chained.val() + "}} is not allowed in {{" + keyword
                        + "}}; write {{else}}{{" + chained.val() + " …}}…{{end}} instead");
            }
            if (chained.kind() == Kind.IF || chained.kind() == Kind.WITH) {
                in.next();
                elseList = new Sequence(e.pos(), List.of(branch(keyword, e.pos())));
            } else {
                ItemList otherwise = itemList(keyword, delimPos);
                if (!(otherwise.end() instanceof End)) {
                    throw error(otherwise.end().pos(), "expected {{end}}; found a second {{else}} in this {{"
                            + keyword + "}}");
                }
                elseList = otherwise.list();
            }
        }
        vars = new ArrayList<>(vars.subList(0, varsMark));
        return new Branch(pipe.pos(), keyword, pipe, body.list(), elseList);
    }

    /** {{define "name"}} list {{end}}; the define keyword has been read. */
    private void define(int delimPos) {
        Token name = in.nextNonSpace();
        String templateName = templateName(name, "define clause");
        expect(Kind.RIGHT_DELIM, "define clause");
        add(templateName, ownScope("define", delimPos, "define clause"), delimPos);
    }

    /** {{block "name" pipeline}} list {{end}}: defines the template and calls it in place. */
    private Node block(int delimPos) {
        Token name = in.nextNonSpace();
        String templateName = templateName(name, "block clause");
        Pipe pipe = pipelines.pipeline("block clause", Kind.RIGHT_DELIM);
        add(templateName, ownScope("block", delimPos, "block clause"), delimPos);
        return new Node.TemplateCall(name.pos(), templateName, pipe);
    }

    /** The body of a define or block: a template of its own, so only $ is in scope. */
    private Sequence ownScope(String opener, int delimPos, String context) {
        List<String> outerVars = vars;
        int outerRangeDepth = rangeDepth;
        vars = new ArrayList<>(List.of("$"));
        rangeDepth = 0;
        ItemList body = itemList(opener, delimPos);
        if (!(body.end() instanceof End)) {
            throw error(body.end().pos(), "unexpected {{else}} in " + context);
        }
        vars = outerVars;
        rangeDepth = outerRangeDepth;
        return body.list();
    }

    private Node templateCall() {
        Token name = in.nextNonSpace();
        String templateName = templateName(name, "template clause");
        Pipe pipe = null;
        if (in.nextNonSpace().kind() != Kind.RIGHT_DELIM) {
            in.backup();
            pipe = pipelines.pipeline("template clause", Kind.RIGHT_DELIM);
        }
        return new Node.TemplateCall(name.pos(), templateName, pipe);
    }

    private String templateName(Token t, String context) {
        if (t.kind() != Kind.STRING && t.kind() != Kind.RAW_STRING) {
            if (t.kind() == Kind.ERROR) {
                throw unexpected(t, context);
            }
            throw error(t.pos(), "unexpected " + t.describe() + " in " + context
                    + ": the template name must be a quoted string constant");
        }
        return unquote(t);
    }

    /**
     * Go's tree-set rule: a template may be redefined only while one of the two bodies is empty.
     * pos is where the definition starts, -1 for the top level of the file.
     */
    private void add(String name, Sequence body, int pos) {
        Sequence existing = templates.get(name);
        if (existing == null || isEmpty(existing)) {
            templates.put(name, body);
            definedAt.put(name, pos);
        } else if (!isEmpty(body)) {
            if (pos < 0) {
                throw error(definedAt.get(name), "multiple definition of template " + Quote.string(name)
                        + ": the file's top level is already template " + Quote.string(name)
                        + "; give this {{define}} or {{block}} another name");
            }
            throw error(pos, "multiple definition of template " + Quote.string(name) + " (first defined at "
                    + source.location(definedAt.get(name)) + "); each {{define}} or {{block}} name may be used once");
        }
    }

    private static boolean isEmpty(Node n) {
        return switch (n) {
            case Sequence s -> s.nodes().stream().allMatch(Parser::isEmpty);
            case Node.Text t -> t.text().isBlank();
            default -> false;
        };
    }

    // ---- helpers shared with PipelineParser --------------------------------------------------

    void expect(Kind kind, String context) {
        Token t = in.nextNonSpace();
        if (t.kind() != kind) {
            throw unexpected(t, context);
        }
    }

    String unquote(Token t) {
        try {
            return Literals.unquote(t.val());
        } catch (IllegalArgumentException e) {
            throw error(t.pos(), e.getMessage());
        }
    }

    TemplateException unexpected(Token t, String context) {
        if (t.kind() == Kind.ERROR) {
            return error(t.pos(), t.val());
        }
        return error(t.pos(), "unexpected " + t.describe() + " in " + context);
    }

    TemplateException error(int pos, String message) {
        return new TemplateException(source.location(pos) + ": " + message);
    }
}
