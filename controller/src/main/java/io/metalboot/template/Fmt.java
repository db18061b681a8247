package io.metalboot.template;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Go's {@code fmt} printer for one operand: a verb with its flags, width and precision, applied as
 * Go does, element by element inside lists, maps and records. Wrong verbs print {@code %!d(string=x)}.
 */
final class Fmt {
    final StringBuilder buf = new StringBuilder();
    boolean minus;
    boolean plus;
    boolean sharp;
    boolean space;
    boolean zero;
    boolean plusV;
    boolean sharpV;
    boolean widPresent;
    boolean precPresent;
    int wid;
    int prec;

    void clearFlags() {
        minus = plus = sharp = space = zero = plusV = sharpV = widPresent = precPresent = false;
        wid = prec = 0;
    }

    void printArg(Object arg, int verb) {
        if (arg == null) {
            if (verb == 'v' || verb == 'T') {
                padString("<nil>");
            } else {
                badVerb(verb, null);
            }
        } else if (verb == 'T') {
            padString(Values.typeName(arg));
        } else {
            printValue(arg, verb, 0);
        }
    }

    private void printValue(Object v, int verb, int depth) {
        if (v == null) {
            buf.append("<nil>");
        } else if (v instanceof Boolean b) {
            if (verb == 't' || verb == 'v') {
                padString(b.toString());
            } else {
                badVerb(verb, v);
            }
        } else if (Values.isInt(v)) {
            integer(v, verb);
        } else if (Values.isFloat(v)) {
            floating(((Number) v).doubleValue(), verb, v, v instanceof Float);
        } else if (v instanceof String s) {
            string(s, verb, v);
        } else if (v instanceof Map<?, ?> map) {
            buf.append("map[");
            List<Map.Entry<?, ?>> entries = Values.sorted(map);
            for (int i = 0; i < entries.size(); i++) {
                buf.append(i > 0 ? " " : "");
                printValue(entries.get(i).getKey(), verb, depth + 1);
                buf.append(':');
                printValue(entries.get(i).getValue(), verb, depth + 1);
            }
            buf.append(']');
        } else if (Values.isList(v)) {
            List<?> list = Values.asList(v);
            buf.append('[');
            for (int i = 0; i < list.size(); i++) {
                buf.append(i > 0 ? " " : "");
                printValue(list.get(i), verb, depth + 1);
            }
            buf.append(']');
        } else if (v instanceof Record r) {
            buf.append('{');
            var components = r.getClass().getRecordComponents();
            for (int i = 0; i < components.length; i++) {
                buf.append(i > 0 ? " " : "").append(plusV || sharpV ? components[i].getName() + ":" : "");
                printValue(Values.read(r, components[i]), verb, depth + 1);
            }
            buf.append('}');
        } else {
            string(String.valueOf(v), verb, v);
        }
    }

    private void integer(Object v, int verb) {
        BigInteger n = v instanceof BigInteger b ? b : BigInteger.valueOf(((Number) v).longValue());
        switch (verb) {
            case 'v', 'd' -> integer(n, 10, verb, false);
            case 'b' -> integer(n, 2, verb, false);
            case 'o', 'O' -> integer(n, 8, verb, false);
            case 'x', 'X' -> integer(n, 16, verb, verb == 'X');
            case 'c' -> padString(new String(Character.toChars(validRune(n))));
            case 'q' -> padString(Quote.rune(validRune(n), plus));
            case 'U' -> unicode(n);
            default -> badVerb(verb, v);
        }
    }

    private void integer(BigInteger n, int base, int verb, boolean upper) {
        boolean negative = n.signum() < 0;
        String digits = n.abs().toString(base);
        digits = upper ? digits.toUpperCase() : digits;
        int precision = 0;
        if (precPresent) {
            precision = prec;
            if (prec == 0 && n.signum() == 0) {
                boolean oldZero = zero;
                zero = false;
                writePadding(wid);
                zero = oldZero;
                return;
            }
        } else if (zero && !minus && widPresent) {
            precision = wid - (negative || plus || space ? 1 : 0);
        }
        digits = "0".repeat(Math.max(0, precision - digits.length())) + digits;
        String prefix = "";
        if (sharp) {
            prefix = switch (base) {
                case 2 -> "0b";
                case 8 -> digits.startsWith("0") ? "" : "0";
                case 16 -> upper ? "0X" : "0x";
                default -> "";
            };
        }
        prefix = (verb == 'O' ? "0o" : "") + prefix;
        String sign = negative ? "-" : plus ? "+" : space ? " " : "";
        boolean oldZero = zero;
        zero = false;
        padString(sign + prefix + digits);
        zero = oldZero;
    }

    private void unicode(BigInteger n) {
        int width = precPresent && prec > 4 ? prec : 4;
        String hex = n.toString(16).toUpperCase();
        String s = "U+" + "0".repeat(Math.max(0, width - hex.length())) + hex;
        if (sharp && n.bitLength() < 32 && Quote.isPrint(n.intValue())) {
            s += " '" + new String(Character.toChars(n.intValue())) + "'";
        }
        boolean oldZero = zero;
        zero = false;
        padString(s);
        zero = oldZero;
    }

    private static int validRune(BigInteger n) {
        int r = n.bitLength() < 32 ? n.intValue() : -1;
        return r < 0 || r > Character.MAX_CODE_POINT || (r >= 0xD800 && r <= 0xDFFF) ? 0xFFFD : r;
    }

    private void floating(double v, int verb, Object arg, boolean float32) {
        switch (verb) {
            case 'v' -> floating(v, 'g', -1, float32);
            case 'b', 'g', 'G', 'x', 'X' -> floating(v, (char) verb, -1, float32);
            case 'f', 'F', 'e', 'E' -> floating(v, verb == 'F' ? 'f' : (char) verb, 6, float32);
            default -> badVerb(verb, arg);
        }
    }

    private void floating(double v, char fmt, int defaultPrec, boolean float32) {
        String num = GoFloat.format(v, fmt, precPresent ? prec : defaultPrec, float32);
        char sign = num.charAt(0) == '-' || num.charAt(0) == '+' ? num.charAt(0) : '+';
        String body = num.charAt(0) == '-' || num.charAt(0) == '+' ? num.substring(1) : num;
        if (space && sign == '+' && !plus) {
            sign = ' ';
        }
        if (body.startsWith("Inf") || body.startsWith("NaN")) {
            boolean oldZero = zero;
            zero = false;
            padString(body.startsWith("NaN") && !space && !plus ? body : sign + body);
            zero = oldZero;
        } else if (plus || sign != '+') {
            if (zero && !minus && widPresent && wid > body.length() + 1) {
                buf.append(sign);
                writePadding(wid - body.length() - 1);
                buf.append(body);
            } else {
                padString(sign + body);
            }
        } else {
            padString(body);
        }
    }

    private void string(String s, int verb, Object arg) {
        switch (verb) {
            case 'v' -> {
                if (sharpV) {
                    quoted(s);
                } else {
                    padString(truncate(s));
                }
            }
            case 's' -> padString(truncate(s));
            case 'x', 'X' -> hex(s, verb == 'X');
            case 'q' -> quoted(s);
            default -> badVerb(verb, arg);
        }
    }

    private void quoted(String s) {
        s = truncate(s);
        padString(sharp && Quote.canBackquote(s) ? "`" + s + "`" : plus ? Quote.ascii(s) : Quote.string(s));
    }

    /** %x on a string: two hex digits per UTF-8 byte; ' ' separates bytes, '#' adds 0x. */
    private void hex(String s, boolean upper) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        int length = precPresent && prec < bytes.length ? prec : bytes.length;
        String ox = upper ? "0X" : "0x";
        StringBuilder b = new StringBuilder(sharp ? ox : "");
        for (int i = 0; i < length; i++) {
            if (space && i > 0) {
                b.append(' ').append(sharp ? ox : "");
            }
            String h = String.format("%02x", bytes[i] & 0xff);
            b.append(upper ? h.toUpperCase() : h);
        }
        if (length == 0) {
            b.setLength(0);
        }
        padString(b.toString());
    }

    private String truncate(String s) {
        if (precPresent && prec < s.codePointCount(0, s.length())) {
            return s.substring(0, s.offsetByCodePoints(0, prec));
        }
        return s;
    }

    private void badVerb(int verb, Object arg) {
        buf.append("%!").appendCodePoint(verb).append('(');
        if (arg == null) {
            buf.append("<nil>");
        } else {
            buf.append(Values.typeName(arg)).append('=');
            printArg(arg, 'v');
        }
        buf.append(')');
    }

    private void padString(String s) {
        if (!widPresent || wid == 0) {
            buf.append(s);
            return;
        }
        int width = wid - s.codePointCount(0, s.length());
        if (!minus) {
            writePadding(width);
            buf.append(s);
        } else {
            buf.append(s);
            writePadding(width);
        }
    }

    private void writePadding(int n) {
        if (n > 0) {
            buf.append(String.valueOf(zero && !minus ? '0' : ' ').repeat(n));
        }
    }
}
