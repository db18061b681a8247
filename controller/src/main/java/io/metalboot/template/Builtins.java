package io.metalboot.template;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Go's builtin functions ({@code text/template/funcs.go}) except {@code call}. {@code and} and
 * {@code or} are listed for their arity; {@link Eval} runs them itself so that they short-circuit.
 */
final class Builtins {
    /** A builtin with Go's argument count: at least {@code min}, at most {@code max} (-1: no limit). */
    record Builtin(String name, int min, int max, Function<List<Object>, Object> impl) {
        String arityError(int got) {
            if (max < 0) {
                return "wrong number of args for " + name + ": want at least " + min + " got " + got;
            }
            return "wrong number of args for " + name + ": want " + min + " got " + got;
        }

        boolean accepts(int count) {
            return count >= min && (max < 0 || count <= max);
        }
    }

    static final Map<String, Builtin> ALL = Map.ofEntries(
            entry("and", 1, -1, args -> null),
            entry("or", 1, -1, args -> null),
            entry("not", 1, 1, args -> !Values.truth(args.get(0))),
            entry("len", 1, 1, args -> length(args.get(0))),
            entry("index", 1, -1, args -> index(args.get(0), args.subList(1, args.size()))),
            entry("slice", 1, -1, args -> slice(args.get(0), args.subList(1, args.size()))),
            entry("print", 0, -1, Printf::sprint),
            entry("printf", 1, -1, args -> Printf.sprintf((String) args.get(0), args.subList(1, args.size()))),
            entry("println", 0, -1, Printf::sprintln),
            entry("html", 0, -1, args -> Escapers.html(evalArgs(args))),
            entry("js", 0, -1, args -> Escapers.js(evalArgs(args))),
            entry("urlquery", 0, -1, args -> Escapers.urlQuery(evalArgs(args))),
            entry("eq", 1, -1, args -> Compare.eq(args.get(0), args.subList(1, args.size()))),
            entry("ne", 2, 2, args -> !Compare.eq(args.get(0), args.subList(1, 2))),
            entry("lt", 2, 2, args -> Compare.lt(args.get(0), args.get(1))),
            entry("le", 2, 2, args -> Compare.le(args.get(0), args.get(1))),
            entry("gt", 2, 2, args -> !Compare.le(args.get(0), args.get(1))),
            entry("ge", 2, 2, args -> !Compare.lt(args.get(0), args.get(1))));

    private Builtins() {
    }

    private static Map.Entry<String, Builtin> entry(String name, int min, int max,
            Function<List<Object>, Object> impl) {
        return Map.entry(name, new Builtin(name, min, max, impl));
    }

    /** The text of html/js/urlquery arguments: fmt.Sprint, except that nil prints as {@code <no value>}. */
    private static String evalArgs(List<Object> args) {
        if (args.size() == 1 && args.get(0) instanceof String s) {
            return s;
        }
        return Printf.sprint(args.stream().map(a -> a == null ? "<no value>" : a).toList());
    }

    /** len: bytes of a string (UTF-8, as in Go), entries of a map, elements of a list. */
    private static int length(Object item) {
        if (item instanceof String s) {
            return s.getBytes(StandardCharsets.UTF_8).length;
        }
        if (item instanceof Map<?, ?> m) {
            return m.size();
        }
        if (Values.isList(item)) {
            return Values.asList(item).size();
        }
        throw new TemplateException(item == null ? "len of nil" : "len of type " + Values.typeName(item)
                + ": only strings, maps and lists have a length");
    }

    /** index x 1 2 is x[1][2]; a missing map key gives nil, an index outside a list is an error. */
    private static Object index(Object item, List<Object> indexes) {
        if (item == null) {
            throw new TemplateException("index of untyped nil");
        }
        for (Object index : indexes) {
            if (item == null) {
                throw new TemplateException("index of nil pointer");
            }
            if (item instanceof String s) {
                byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
                item = bytes[position(index, bytes.length, bytes.length - 1)] & 0xff;
            } else if (Values.isList(item)) {
                List<?> list = Values.asList(item);
                item = list.get(position(index, list.size(), list.size() - 1));
            } else if (item instanceof Map<?, ?> map) {
                if (index == null || !(index instanceof String) && !map.containsKey(index)) {
                    throw new TemplateException(index == null ? "value is nil; should be of type string"
                            : "value has type " + Values.typeName(index) + "; should be string");
                }
                item = map.get(index);
            } else {
                throw new TemplateException("can't index item of type " + Values.typeName(item));
            }
        }
        return item;
    }

    /** slice x 1 2 is x[1:2]; on strings it counts UTF-8 bytes, as in Go. */
    private static Object slice(Object item, List<Object> indexes) {
        if (item == null) {
            throw new TemplateException("slice of untyped nil");
        }
        if (indexes.size() > 3) {
            throw new TemplateException("too many slice indexes: " + indexes.size());
        }
        int length;
        if (item instanceof String s) {
            if (indexes.size() == 3) {
                throw new TemplateException("cannot 3-index slice a string");
            }
            length = s.getBytes(StandardCharsets.UTF_8).length;
        } else if (Values.isList(item)) {
            length = Values.asList(item).size();
        } else {
            throw new TemplateException("can't slice item of type " + Values.typeName(item));
        }
        int[] idx = {0, length, length};
        for (int i = 0; i < indexes.size(); i++) {
            idx[i] = position(indexes.get(i), length + 1, length);
        }
        for (int i = 0; i + 1 < Math.max(indexes.size(), 2); i++) {
            if (idx[i] > idx[i + 1]) {
                throw new TemplateException("invalid slice index: " + idx[i] + " > " + idx[i + 1]);
            }
        }
        if (item instanceof String s) {
            byte[] bytes = Arrays.copyOfRange(s.getBytes(StandardCharsets.UTF_8), idx[0], idx[1]);
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return new ArrayList<>(Values.asList(item).subList(idx[0], idx[1]));
    }

    /** An int index in [0, bound); the message names the valid range up to {@code last}. */
    private static int position(Object index, int bound, int last) {
        if (index == null) {
            throw new TemplateException("cannot index slice/array with nil");
        }
        if (!Values.isInt(index)) {
            throw new TemplateException("cannot index slice/array with type " + Values.typeName(index));
        }
        long x = ((Number) index).longValue();
        if (x < 0 || x >= bound) {
            throw new TemplateException("index out of range: " + x + (last < 0 ? " (it is empty)"
                    : " (valid indexes are 0 to " + last + ")"));
        }
        return (int) x;
    }
}
