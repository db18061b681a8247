package io.metalboot.sim.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code $(( … ))}: integer arithmetic with variables, C operators, {@code = += -=}. */
final class Arith {
    private static final Pattern TOKEN = Pattern.compile(
            "\\s*(\\d+#[0-9A-Za-z]+|0[xX][0-9a-fA-F]+|\\d+|[A-Za-z_][A-Za-z0-9_]*|<<|>>|<=|>=|==|!=|&&|\\|\\||\\+=|-=|\\*=|/=|[-+*/%()<>!~&|^?:=])");
    private final List<String> tokens = new ArrayList<>();
    private final Function<String, String> lookup;
    private final BiConsumer<String, String> assign;
    private int pos;
    private String token;

    /** Thrown for a malformed expression or a division by zero. */
    static final class ArithError extends RuntimeException {
        ArithError(String message) {
            super(message);
        }
    }

    private Arith(String text, Function<String, String> lookup, BiConsumer<String, String> assign) {
        Matcher m = TOKEN.matcher(text);
        int at = 0;
        while (at < text.length() && !text.substring(at).isBlank()) {
            if (!m.find(at) || m.start() != at) {
                throw new ArithError("arithmetic syntax error");
            }
            tokens.add(m.group(1));
            at = m.end();
        }
        this.lookup = lookup;
        this.assign = assign;
        this.token = tokens.isEmpty() ? null : tokens.get(0);
    }

    static long eval(String text, Function<String, String> lookup, BiConsumer<String, String> assign) {
        Arith a = new Arith(text, lookup, assign);
        if (a.token == null) {
            return 0;
        }
        long v = a.assignment();
        if (a.token != null) {
            throw new ArithError("arithmetic syntax error");
        }
        return v;
    }

    private void advance() {
        pos++;
        token = pos < tokens.size() ? tokens.get(pos) : null;
    }

    private boolean take(String t) {
        if (t.equals(token)) {
            advance();
            return true;
        }
        return false;
    }

    private long assignment() {
        String next = pos + 1 < tokens.size() ? tokens.get(pos + 1) : "";
        if (token != null && (Character.isLetter(token.charAt(0)) || token.charAt(0) == '_')
                && List.of("=", "+=", "-=", "*=", "/=").contains(next)) {
            String name = token;
            advance();
            advance();
            long rhs = assignment();
            long cur = variable(name);
            long v = switch (next) {
                case "=" -> rhs;
                case "+=" -> cur + rhs;
                case "-=" -> cur - rhs;
                case "*=" -> cur * rhs;
                default -> divide(cur, rhs);
            };
            assign.accept(name, String.valueOf(v));
            return v;
        }
        return ternary();
    }

    private long ternary() {
        long c = binary(0);
        if (take("?")) {
            long a = assignment();
            if (!take(":")) {
                throw new ArithError("arithmetic syntax error");
            }
            long b = assignment();
            return c != 0 ? a : b;
        }
        return c;
    }

    private static final String[][] LEVELS = {{"||"}, {"&&"}, {"|"}, {"^"}, {"&"}, {"==", "!="}, {"<", "<=", ">", ">="},
        {"<<", ">>"}, {"+", "-"}, {"*", "/", "%"}};

    private long binary(int level) {
        if (level == LEVELS.length) {
            return unary();
        }
        long left = binary(level + 1);
        while (true) {
            String op = null;
            for (String candidate : LEVELS[level]) {
                if (candidate.equals(token)) {
                    op = candidate;
                }
            }
            if (op == null) {
                return left;
            }
            advance();
            long right = binary(level + 1);
            left = switch (op) {
                case "||" -> (left != 0 || right != 0) ? 1 : 0;
                case "&&" -> (left != 0 && right != 0) ? 1 : 0;
                case "|" -> left | right;
                case "^" -> left ^ right;
                case "&" -> left & right;
                case "==" -> left == right ? 1 : 0;
                case "!=" -> left != right ? 1 : 0;
                case "<" -> left < right ? 1 : 0;
                case "<=" -> left <= right ? 1 : 0;
                case ">" -> left > right ? 1 : 0;
                case ">=" -> left >= right ? 1 : 0;
                case "<<" -> left << right;
                case ">>" -> left >> right;
                case "+" -> left + right;
                case "-" -> left - right;
                case "*" -> left * right;
                case "/" -> divide(left, right);
                default -> {
                    if (right == 0) {
                        throw new ArithError("division by zero");
                    }
                    yield left % right;
                }
            };
        }
    }

    private static long divide(long a, long b) {
        if (b == 0) {
            throw new ArithError("division by zero");
        }
        return a / b;
    }

    private long unary() {
        if (take("-")) {
            return -unary();
        }
        if (take("+")) {
            return unary();
        }
        if (take("!")) {
            return unary() == 0 ? 1 : 0;
        }
        if (take("~")) {
            return ~unary();
        }
        if (take("(")) {
            long v = assignment();
            if (!take(")")) {
                throw new ArithError("arithmetic syntax error");
            }
            return v;
        }
        String t = token;
        if (t == null) {
            throw new ArithError("arithmetic syntax error");
        }
        advance();
        if (Character.isDigit(t.charAt(0)) && t.contains("#")) {
            try {
                return Long.parseLong(t.substring(t.indexOf('#') + 1), Integer.parseInt(t.substring(0, t.indexOf('#'))));
            } catch (NumberFormatException e) {
                throw new ArithError("arithmetic syntax error");
            }
        }
        if (Character.isDigit(t.charAt(0))) {
            return t.startsWith("0x") || t.startsWith("0X") ? Long.parseLong(t.substring(2), 16)
                    : t.length() > 1 && t.startsWith("0") ? Long.parseLong(t, 8) : Long.parseLong(t);
        }
        if (Character.isLetter(t.charAt(0)) || t.charAt(0) == '_') {
            return variable(t);
        }
        throw new ArithError("arithmetic syntax error");
    }

    private long variable(String name) {
        String v = lookup.apply(name);
        if (v == null || v.isBlank()) {
            return 0;
        }
        try {
            return Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            throw new ArithError("arithmetic syntax error");
        }
    }
}
