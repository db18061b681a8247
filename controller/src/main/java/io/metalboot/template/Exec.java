package io.metalboot.template;

import io.metalboot.template.Node.Branch;
import io.metalboot.template.Node.Sequence;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One execution of a template, after Go's {@code exec.go}: walks the tree writing into a buffer,
 * keeps the variable stack, and turns failures into {@code NAME:LINE:COL: executing …} messages.
 */
final class Exec {
    /** Nesting limit for {{template}} calls; Go allows 100000 on its growable stacks. */
    static final int MAX_DEPTH = 256;

    /** How a walk ended: normally, or by {{break}} / {{continue}} on the way to the enclosing range. */
    enum Flow { NORMAL, BREAK, CONTINUE }

    private static final class Var {
        final String name;
        Object value;

        Var(String name, Object value) {
            this.name = name;
            this.value = value;
        }
    }

    final Source source;
    final Map<String, Sequence> templates;
    final Map<String, TemplateFunction> functions;
    private final String name;
    private final StringBuilder out;
    private final int depth;
    private final List<Var> vars = new ArrayList<>();
    private final Eval eval = new Eval(this);
    private Node at;

    Exec(Source source, Map<String, Sequence> templates, Map<String, TemplateFunction> functions, String name,
            StringBuilder out, int depth) {
        this.source = source;
        this.templates = templates;
        this.functions = functions;
        this.name = name;
        this.out = out;
        this.depth = depth;
    }

    /** Runs the template called name with data as both dot and $. */
    void run(Object data) {
        Sequence root = templates.get(name);
        if (root == null) {
            throw error("template " + Quote.string(name) + " not defined");
        }
        vars.add(new Var("$", data));
        walk(data, root);
    }

    Flow walk(Object dot, Node node) {
        at(node);
        switch (node) {
            case Node.Action a -> {
                Object value = eval.pipeline(dot, a.pipe());
                if (a.pipe().decl().isEmpty()) {
                    print(a, value);
                }
            }
            case Sequence s -> {
                for (Node n : s.nodes()) {
                    Flow flow = walk(dot, n);
                    if (flow != Flow.NORMAL) {
                        return flow;
                    }
                }
            }
            case Node.Text t -> out.append(t.text());
            case Branch b when b.keyword().equals("range") -> {
                return range(dot, b);
            }
            case Branch b -> {
                return ifOrWith(dot, b);
            }
            case Node.TemplateCall t -> callTemplate(dot, t);
            case Node.Break b -> {
                return Flow.BREAK;
            }
            case Node.Continue c -> {
                return Flow.CONTINUE;
            }
            default -> throw error("unknown node: " + node);
        }
        return Flow.NORMAL;
    }

    private Flow ifOrWith(Object dot, Branch b) {
        int mark = vars.size();
        try {
            Object value = eval.pipeline(dot, b.pipe());
            if (Values.truth(value)) {
                return walk(b.keyword().equals("with") ? value : dot, b.list());
            }
            return b.elseList() == null ? Flow.NORMAL : walk(dot, b.elseList());
        } finally {
            pop(mark);
        }
    }

    private Flow range(Object dot, Branch r) {
        at(r);
        int outer = vars.size();
        try {
            Object value = eval.pipeline(dot, r.pipe());
            int mark = vars.size();
            List<Node.Variable> decl = r.pipe().decl();
            boolean ran = false;
            if (Values.isInt(value)) {
                if (decl.size() > 1) {
                    throw error("can't use " + Printf.sprint(List.of(value))
                            + " to iterate over more than one variable");
                }
                long n = ((Number) value).longValue();
                for (long i = 0; i < n; i++) {
                    ran = true;
                    Object elem = value instanceof Long ? (Object) i : (Object) (int) i;
                    if (iteration(r, null, elem, mark) == Flow.BREAK) {
                        break;
                    }
                }
            } else if (Values.isList(value)) {
                List<?> list = Values.asList(value);
                for (int i = 0; i < list.size(); i++) {
                    ran = true;
                    if (iteration(r, i, list.get(i), mark) == Flow.BREAK) {
                        break;
                    }
                }
            } else if (value instanceof Map<?, ?> map) {
                for (Map.Entry<?, ?> e : Values.sorted(map)) {
                    ran = true;
                    if (iteration(r, e.getKey(), e.getValue(), mark) == Flow.BREAK) {
                        break;
                    }
                }
            } else if (value != null) {
                throw error("range can't iterate over " + Printf.sprint(List.of(value))
                        + " (a " + Values.typeName(value) + "; range needs a list, map or int)");
            }
            if (!ran && r.elseList() != null) {
                return walk(dot, r.elseList());
            }
            return Flow.NORMAL;
        } finally {
            pop(outer);
        }
    }

    /** One pass of a range body; sets $index, $element (or the assigned variables) first. */
    private Flow iteration(Branch r, Object index, Object elem, int mark) {
        List<Node.Variable> decl = r.pipe().decl();
        boolean assign = r.pipe().isAssign();
        if (!decl.isEmpty()) {
            if (assign) {
                setVar(decl.get(0).name(), decl.size() > 1 ? index : elem);
            } else {
                vars.get(vars.size() - 1).value = elem;
            }
        }
        if (decl.size() > 1) {
            if (assign) {
                setVar(decl.get(1).name(), elem);
            } else {
                vars.get(vars.size() - 2).value = index;
            }
        }
        try {
            return walk(elem, r.list());
        } finally {
            pop(mark);
        }
    }

    private void callTemplate(Object dot, Node.TemplateCall t) {
        at(t);
        if (!templates.containsKey(t.name())) {
            throw error("template " + Quote.string(t.name()) + " not defined (define it with {{define "
                    + Quote.string(t.name()) + "}}…{{end}})");
        }
        if (depth >= MAX_DEPTH) {
            throw error("exceeded maximum template depth (" + MAX_DEPTH + ")");
        }
        Object data = t.pipe() == null ? null : eval.pipeline(dot, t.pipe());
        new Exec(source, templates, functions, t.name(), out, depth + 1).run(data);
    }

    private void print(Node n, Object value) {
        at(n);
        out.append(value == null ? "<no value>" : Printf.sprint(List.of(value)));
    }

    // ---- variables ------------------------------------------------------------------------------

    void push(String var, Object value) {
        vars.add(new Var(var, value));
    }

    private void pop(int mark) {
        vars.subList(mark, vars.size()).clear();
    }

    void setVar(String var, Object value) {
        for (int i = vars.size() - 1; i >= 0; i--) {
            if (vars.get(i).name.equals(var)) {
                vars.get(i).value = value;
                return;
            }
        }
        throw error("undefined variable: " + var + " (declare it with " + var + " := … before assigning)");
    }

    Object varValue(String var) {
        for (int i = vars.size() - 1; i >= 0; i--) {
            if (vars.get(i).name.equals(var)) {
                return vars.get(i).value;
            }
        }
        throw error("undefined variable: " + var);
    }

    // ---- errors ---------------------------------------------------------------------------------

    /** Marks node as the one being evaluated, for error messages. */
    void at(Node node) {
        at = node;
    }

    TemplateException error(String message) {
        return error(message, null);
    }

    TemplateException error(String message, Throwable cause) {
        String where = at == null ? source.name() + ": executing " + Quote.string(name)
                : source.location(at.pos()) + ": executing " + Quote.string(name) + " at <" + at + ">";
        return new TemplateException(where + ": " + message, cause);
    }
}
