package io.metalboot.template;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * Go's literal syntax as the template parser reads it ({@code strconv.Unquote}, {@code UnquoteChar},
 * {@code ParseInt}/{@code ParseFloat} with base 0). Failures throw {@link IllegalArgumentException}
 * with the reason; the parser adds the location.
 */
final class Literals {
    private Literals() {
    }

    /** The value of a "…" or `…` string literal. Raw strings lose their carriage returns, as in Go. */
    static String unquote(String literal) {
        if (literal.startsWith("`")) {
            return literal.substring(1, literal.length() - 1).replace("\r", "");
        }
        Cursor c = new Cursor(literal, 1);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        while (c.pos < literal.length() - 1) {
            c.next(bytes, '"');
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** The code point of a '…' character constant. */
    static int charValue(String literal) {
        Cursor c = new Cursor(literal, 1);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int r = c.next(bytes, '\'');
        if (c.pos != literal.length() - 1) {
            throw new IllegalArgumentException("malformed character constant: " + literal
                    + " (a character constant holds exactly one character)");
        }
        return r;
    }

    /** An Integer or Long for integer syntax, a Double for floating-point syntax. */
    static Number number(String text) {
        if (text.endsWith("i")) {
            throw new IllegalArgumentException("complex number " + text
                    + " is not supported (templates here have no complex numbers)");
        }
        boolean negative = text.startsWith("-");
        String body = text.startsWith("-") || text.startsWith("+") ? text.substring(1) : text;
        String lower = body.toLowerCase();
        boolean hex = lower.startsWith("0x");
        if (hex ? lower.contains("p") : lower.matches(".*[.e].*")) {
            return floatValue(text, body, negative, hex);
        }
        int radix = 10;
        String digits = body;
        if (hex || lower.startsWith("0b") || lower.startsWith("0o")) {
            radix = hex ? 16 : lower.charAt(1) == 'b' ? 2 : 8;
            digits = body.substring(2);
        } else if (body.length() > 1 && body.startsWith("0")) {
            radix = 8;
            digits = body.substring(1);
        }
        digits = withoutUnderscores(text, digits, radix != 10 || body.length() > 1 && body.startsWith("0"));
        BigInteger value;
        try {
            value = new BigInteger(digits, radix);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("illegal number syntax: " + Quote.string(text), e);
        }
        value = negative ? value.negate() : value;
        if (value.bitLength() > 63) {
            throw new IllegalArgumentException("integer overflow: " + Quote.string(text)
                    + " does not fit in a 64-bit int");
        }
        long v = value.longValue();
        return v == (int) v ? (Number) (int) v : (Number) v;
    }

    private static Double floatValue(String text, String body, boolean negative, boolean hex) {
        String clean = withoutUnderscores(text, body, hex);
        try {
            double v = Double.parseDouble(clean);
            if (Double.isInfinite(v)) {
                throw new IllegalArgumentException("number " + text + " is out of range for a float64");
            }
            return negative ? -v : v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("illegal number syntax: " + Quote.string(text), e);
        }
    }

    /** Go allows '_' between digits (and after a base prefix) only. */
    private static String withoutUnderscores(String text, String digits, boolean prefixed) {
        if (digits.indexOf('_') < 0) {
            return digits;
        }
        for (int i = 0; i < digits.length(); i++) {
            if (digits.charAt(i) != '_') {
                continue;
            }
            boolean before = i > 0 ? Character.isLetterOrDigit(digits.charAt(i - 1)) : prefixed;
            boolean after = i + 1 < digits.length() && Character.isLetterOrDigit(digits.charAt(i + 1));
            if (!before || !after) {
                throw new IllegalArgumentException("illegal number syntax: " + Quote.string(text)
                        + " ('_' must separate digits)");
            }
        }
        return digits.replace("_", "");
    }

    /** Walks the escapes of a quoted literal, collecting UTF-8 bytes (\x and octal escapes are bytes). */
    private static final class Cursor {
        private final String s;
        private int pos;

        Cursor(String s, int pos) {
            this.s = s;
            this.pos = pos;
        }

        int next(ByteArrayOutputStream out, char quote) {
            int r = s.codePointAt(pos);
            pos += Character.charCount(r);
            if (r != '\\') {
                if (r == quote) {
                    throw malformed();
                }
                utf8(out, r);
                return r;
            }
            char e = s.charAt(pos++);
            switch (e) {
                case 'x' -> {
                    int b = hex(2);
                    out.write(b);
                    return b;
                }
                case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                    pos--;
                    int b = Integer.parseInt(take(3), 8);
                    if (b > 255) {
                        throw malformed();
                    }
                    out.write(b);
                    return b;
                }
                default -> {
                    int value = switch (e) {
                        case 'a' -> 7;
                        case 'b' -> '\b';
                        case 'f' -> '\f';
                        case 'n' -> '\n';
                        case 'r' -> '\r';
                        case 't' -> '\t';
                        case 'v' -> 11;
                        case '\\' -> '\\';
                        case 'u' -> hex(4);
                        case 'U' -> hex(8);
                        default -> {
                            if (e != quote) {
                                throw malformed();
                            }
                            yield e;
                        }
                    };
                    utf8(out, value);
                    return value;
                }
            }
        }

        private void utf8(ByteArrayOutputStream out, int r) {
            if (r > Character.MAX_CODE_POINT || (r >= 0xD800 && r <= 0xDFFF)) {
                throw malformed();
            }
            out.writeBytes(new String(Character.toChars(r)).getBytes(StandardCharsets.UTF_8));
        }

        private int hex(int n) {
            try {
                return Integer.parseUnsignedInt(take(n), 16);
            } catch (NumberFormatException e) {
                throw malformed();
            }
        }

        private String take(int n) {
            if (pos + n > s.length() - 1) {
                throw malformed();
            }
            String t = s.substring(pos, pos + n);
            pos += n;
            return t;
        }

        private IllegalArgumentException malformed() {
            return new IllegalArgumentException("malformed " + (s.startsWith("'") ? "character constant " : "string ")
                    + s + " (invalid escape or quote; see Go's string literal syntax)");
        }
    }
}
