package io.metalboot.template;

import io.metalboot.template.Node.Command;
import io.metalboot.template.Node.Pipe;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Evaluation of pipelines, commands, fields and function calls, after Go's {@code exec.go}, with
 * {@code missingkey=error}: {@code .key} on a map without that key fails, {@code index . "key"} gives nil.
 */
final class Eval {
    /** Stands for "no value piped in", which Go calls missingVal; distinct from nil. */
    private static final Object MISSING = new Object();

    private final Exec s;

    Eval(Exec exec) {
        this.s = exec;
    }

    /** Evaluates a pipeline and declares or assigns its variables; the caller pops them. */
    Object pipeline(Object dot, Pipe pipe) {
        s.at(pipe);
        Object value = MISSING;
        for (Command cmd : pipe.cmds()) {
            value = command(dot, cmd, value);
        }
        for (Node.Variable v : pipe.decl()) {
            if (pipe.isAssign()) {
                s.setVar(v.name(), value);
            } else {
                s.push(v.name(), value);
            }
        }
        return value;
    }

    private Object command(Object dot, Command cmd, Object last) {
        Node first = cmd.args().get(0);
        switch (first) {
            case Node.Field f -> {
                s.at(f);
                return fieldChain(dot, dot, f.ident(), cmd.args(), last);
            }
            case Node.Chain c -> {
                return chain(dot, c, cmd.args(), last);
            }
            case Node.Identifier id -> {
                return function(dot, id, cmd, cmd.args(), last);
            }
            case Pipe p -> {
                notAFunction(cmd.args(), last);
                return pipeline(dot, p);
            }
            case Node.Variable v -> {
                return variable(dot, v, cmd.args(), last);
            }
            default -> {
                s.at(first);
                notAFunction(cmd.args(), last);
                return switch (first) {
                    case Node.Bool b -> b.value();
                    case Node.Dot d -> dot;
                    case Node.Nil n -> throw s.error("nil is not a command");
                    case Node.Number n -> n.value();
                    case Node.Str str -> str.text();
                    default -> throw s.error("can't evaluate command " + Quote.string(first.toString()));
                };
            }
        }
    }

    private void notAFunction(List<Node> args, Object last) {
        if ((args != null && args.size() > 1) || last != MISSING) {
            throw s.error("can't give argument to non-function " + args.get(0));
        }
    }

    private Object chain(Object dot, Node.Chain c, List<Node> args, Object last) {
        s.at(c);
        if (c.node() instanceof Node.Nil) {
            throw s.error("indirection through explicit nil in " + c);
        }
        Object receiver = arg(dot, c.node());
        s.at(c);
        return fieldChain(dot, receiver, c.fields(), args, last);
    }

    private Object variable(Object dot, Node.Variable v, List<Node> args, Object last) {
        s.at(v);
        Object value = s.varValue(v.name());
        if (v.ident().size() == 1) {
            notAFunction(args, last);
            return value;
        }
        return fieldChain(dot, value, v.ident().subList(1, v.ident().size()), args, last);
    }

    /** .a.b.c from receiver; only the last field may be given arguments (and is then an error). */
    private Object fieldChain(Object dot, Object receiver, List<String> ident, List<Node> args, Object last) {
        for (int i = 0; i < ident.size() - 1; i++) {
            receiver = field(ident.get(i), null, MISSING, receiver);
        }
        return field(ident.get(ident.size() - 1), args, last, receiver);
    }

    private Object field(String name, List<Node> args, Object last, Object receiver) {
        boolean hasArgs = (args != null && args.size() > 1) || last != MISSING;
        if (receiver == null) {
            throw s.error("nil pointer evaluating interface {}." + name
                    + " (the value holding ." + name + " is nil; guard it with {{with}} or {{if}})");
        }
        if (receiver instanceof Map<?, ?> map) {
            if (hasArgs) {
                throw s.error(name + " is not a method but has arguments");
            }
            if (!map.containsKey(name)) {
                throw s.error("map has no entry for key " + Quote.string(name));
            }
            return map.get(name);
        }
        if (receiver instanceof Record record) {
            var component = Values.component(record, name);
            if (component.isPresent()) {
                if (hasArgs) {
                    throw s.error(name + " has arguments but cannot be invoked as function");
                }
                return Values.read(record, component.get());
            }
        }
        throw s.error("can't evaluate field " + name + " in type " + Values.typeName(receiver));
    }

    private Object function(Object dot, Node.Identifier id, Node cmd, List<Node> args, Object last) {
        s.at(id);
        TemplateFunction custom = s.functions.get(id.name());
        Builtins.Builtin builtin = custom == null ? Builtins.ALL.get(id.name()) : null;
        if (custom == null && builtin == null) {
            throw s.error(Quote.string(id.name()) + " is not a defined function");
        }
        List<Node> argNodes = args == null ? List.of() : args.subList(1, args.size());
        int count = argNodes.size() + (last == MISSING ? 0 : 1);
        if (builtin != null && !builtin.accepts(count)) {
            throw s.error(builtin.arityError(count));
        }
        if (builtin != null && (id.name().equals("and") || id.name().equals("or"))) {
            return andOr(dot, id.name().equals("or"), argNodes, last);
        }
        Object[] argv = new Object[count];
        for (int i = 0; i < argNodes.size(); i++) {
            argv[i] = arg(dot, argNodes.get(i));
        }
        if (last != MISSING) {
            argv[count - 1] = last;
        }
        if (builtin != null && id.name().equals("printf") && !(argv[0] instanceof String)) {
            throw s.error("wrong type for value; expected string; got " + Values.typeName(argv[0])
                    + " (printf's first argument is the format)");
        }
        List<Object> argList = Collections.unmodifiableList(Arrays.asList(argv));
        try {
            return custom != null ? custom.apply(argList) : builtin.impl().apply(new ArrayList<>(argList));
        } catch (RuntimeException e) {
            s.at(cmd);
            throw s.error("error calling " + id.name() + ": " + e.getMessage(), e);
        }
    }

    /** and/or: evaluate left to right, stop at the first false (and) or true (or) value and return it. */
    private Object andOr(Object dot, boolean or, List<Node> argNodes, Object last) {
        Object v = null;
        for (Node n : argNodes) {
            v = arg(dot, n);
            if (Values.truth(v) == or) {
                return v;
            }
        }
        return last != MISSING ? last : v;
    }

    /** An argument of a function call or the head of a chain: evaluated, never called with arguments. */
    private Object arg(Object dot, Node n) {
        s.at(n);
        return switch (n) {
            case Node.Dot d -> dot;
            case Node.Nil nil -> null;
            case Node.Field f -> fieldChain(dot, dot, f.ident(), List.of(n), MISSING);
            case Node.Variable v -> variable(dot, v, null, MISSING);
            case Pipe p -> pipeline(dot, p);
            case Node.Identifier id -> function(dot, id, id, null, MISSING);
            case Node.Chain c -> chain(dot, c, null, MISSING);
            case Node.Bool b -> b.value();
            case Node.Number num -> num.value();
            case Node.Str str -> str.text();
            default -> throw s.error("can't handle " + n + " as an argument");
        };
    }
}
