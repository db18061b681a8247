package io.metalboot.template;

import java.util.List;

/**
 * Go's {@code fmt.Sprintf} format parsing ({@code doPrintf}): flags "#0+- ", width and precision as
 * digits or '*', explicit argument indexes {@code %[n]d}, and Go's {@code %!…} notes for bad formats.
 */
final class Sprintf {
    private final String format;
    private final List<?> args;
    private final Fmt f = new Fmt();
    private int i;
    private int argNum;
    private boolean reordered;
    private boolean goodArgNum;
    private boolean afterIndex;

    Sprintf(String format, List<?> args) {
        this.format = format;
        this.args = args;
    }

    String run() {
        int end = format.length();
        while (i < end) {
            goodArgNum = true;
            int lasti = i;
            while (i < end && format.charAt(i) != '%') {
                i++;
            }
            f.buf.append(format, lasti, i);
            if (i >= end) {
                break;
            }
            i++;
            f.clearFlags();
            flags();
            argNumber();
            if (i < end && format.charAt(i) == '*') {
                i++;
                Integer w = intArg();
                f.widPresent = w != null;
                if (w == null) {
                    f.buf.append("%!(BADWIDTH)");
                } else {
                    f.wid = Math.abs(w);
                    if (w < 0) {
                        f.minus = true;
                        f.zero = false;
                    }
                }
                afterIndex = false;
            } else {
                int w = number();
                f.widPresent = w >= 0;
                f.wid = Math.max(w, 0);
                goodArgNum &= !(afterIndex && f.widPresent);
            }
            if (i + 1 < end && format.charAt(i) == '.') {
                i++;
                goodArgNum &= !afterIndex;
                argNumber();
                if (i < end && format.charAt(i) == '*') {
                    i++;
                    Integer p = intArg();
                    f.precPresent = p != null && p >= 0;
                    f.prec = f.precPresent ? p : 0;
                    if (!f.precPresent) {
                        f.buf.append("%!(BADPREC)");
                    }
                    afterIndex = false;
                } else {
                    int p = number();
                    f.precPresent = true;
                    f.prec = Math.max(p, 0);
                }
            }
            if (!afterIndex) {
                argNumber();
            }
            if (i >= end) {
                f.buf.append("%!(NOVERB)");
                break;
            }
            int verb = format.codePointAt(i);
            i += Character.charCount(verb);
            verb(verb);
        }
        if (!reordered && argNum < args.size()) {
            extra();
        }
        return f.buf.toString();
    }

    private void verb(int verb) {
        if (verb == '%') {
            f.buf.append('%');
        } else if (!goodArgNum) {
            f.buf.append("%!").appendCodePoint(verb).append("(BADINDEX)");
        } else if (argNum >= args.size()) {
            f.buf.append("%!").appendCodePoint(verb).append("(MISSING)");
        } else {
            if (verb == 'v') {
                f.sharpV = f.sharp;
                f.sharp = false;
                f.plusV = f.plus;
                f.plus = false;
            }
            f.printArg(args.get(argNum++), verb);
        }
    }

    private void extra() {
        f.clearFlags();
        f.buf.append("%!(EXTRA ");
        for (int k = argNum; k < args.size(); k++) {
            Object arg = args.get(k);
            f.buf.append(k > argNum ? ", " : "");
            if (arg == null) {
                f.buf.append("<nil>");
            } else {
                f.buf.append(Values.typeName(arg)).append('=');
                f.printArg(arg, 'v');
            }
        }
        f.buf.append(')');
    }

    private void flags() {
        for (; i < format.length(); i++) {
            switch (format.charAt(i)) {
                case '#' -> f.sharp = true;
                case '0' -> f.zero = !f.minus;
                case '+' -> f.plus = true;
                case '-' -> {
                    f.minus = true;
                    f.zero = false;
                }
                case ' ' -> f.space = true;
                default -> {
                    return;
                }
            }
        }
    }

    /** An explicit argument index [n] at i, if there is one; sets argNum to n-1. */
    private void argNumber() {
        afterIndex = false;
        if (i >= format.length() || format.charAt(i) != '[') {
            return;
        }
        reordered = true;
        int close = format.indexOf(']', i);
        if (format.length() - i < 3 || close < 0) {
            i++;
            goodArgNum = false;
            return;
        }
        String digits = format.substring(i + 1, close);
        i = close + 1;
        if (!digits.matches("[0-9]{1,6}") || Integer.parseInt(digits) < 1 || Integer.parseInt(digits) > args.size()) {
            goodArgNum = false;
            return;
        }
        argNum = Integer.parseInt(digits) - 1;
        afterIndex = true;
    }

    /** Decimal digits at i, or -1 when there are none. */
    private int number() {
        int start = i;
        while (i < format.length() && format.charAt(i) >= '0' && format.charAt(i) <= '9') {
            i++;
        }
        if (i == start) {
            return -1;
        }
        return i - start > 6 ? 1_000_000 : Integer.parseInt(format.substring(start, i));
    }

    /** The int operand for a '*' width or precision, or null when it is missing or not an int. */
    private Integer intArg() {
        if (argNum >= args.size()) {
            return null;
        }
        Object arg = args.get(argNum++);
        if (Values.isInt(arg) && Math.abs(((Number) arg).longValue()) <= 1_000_000) {
            return (int) ((Number) arg).longValue();
        }
        return null;
    }
}
