package io.metalboot.template;

import java.util.List;

/** Go's {@code fmt.Sprint}, {@code Sprintln} and {@code Sprintf}, as the print builtins use them. */
final class Printf {
    private Printf() {
    }

    /** fmt.Sprint: operands in %v, with a space between two operands when neither is a string. */
    static String sprint(List<?> args) {
        Fmt f = new Fmt();
        boolean prevString = false;
        for (int i = 0; i < args.size(); i++) {
            Object arg = args.get(i);
            boolean isString = arg instanceof String;
            if (i > 0 && !isString && !prevString) {
                f.buf.append(' ');
            }
            f.printArg(arg, 'v');
            prevString = isString;
        }
        return f.buf.toString();
    }

    /** fmt.Sprintln: operands in %v, always separated by a space, then a newline. */
    static String sprintln(List<?> args) {
        Fmt f = new Fmt();
        for (int i = 0; i < args.size(); i++) {
            f.buf.append(i > 0 ? " " : "");
            f.printArg(args.get(i), 'v');
        }
        return f.buf.append('\n').toString();
    }

    /** fmt.Sprintf: flags "#0+- ", width and precision (digits or '*'), any verb Go knows for the operand. */
    static String sprintf(String format, List<?> args) {
        Fmt f = new Fmt();
        int argNum = 0;
        int end = format.length();
        int i = 0;
        while (i < end) {
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
            flags:
            for (; i < end; i++) {
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
                        break flags;
                    }
                }
            }
            if (i < end && format.charAt(i) == '*') {
                i++;
                Integer w = intArg(args, argNum);
                argNum += argNum < args.size() ? 1 : 0;
                if (w == null) {
                    f.buf.append("%!(BADWIDTH)");
                } else {
                    f.widPresent = true;
                    f.wid = Math.abs(w);
                    if (w < 0) {
                        f.minus = true;
                        f.zero = false;
                    }
                }
            } else {
                int start = i;
                while (i < end && Character.isDigit(format.charAt(i)) && format.charAt(i) < 128) {
                    i++;
                }
                f.widPresent = i > start;
                f.wid = f.widPresent ? parse(format.substring(start, i)) : 0;
            }
            if (i < end && format.charAt(i) == '.') {
                i++;
                if (i < end && format.charAt(i) == '*') {
                    i++;
                    Integer p = intArg(args, argNum);
                    argNum += argNum < args.size() ? 1 : 0;
                    f.precPresent = p != null && p >= 0;
                    f.prec = f.precPresent ? p : 0;
                    if (!f.precPresent) {
                        f.buf.append("%!(BADPREC)");
                    }
                } else {
                    int start = i;
                    while (i < end && Character.isDigit(format.charAt(i)) && format.charAt(i) < 128) {
                        i++;
                    }
                    f.precPresent = true;
                    f.prec = i > start ? parse(format.substring(start, i)) : 0;
                }
            }
            if (i >= end) {
                f.buf.append("%!(NOVERB)");
                break;
            }
            int verb = format.codePointAt(i);
            i += Character.charCount(verb);
            if (verb == '%') {
                f.buf.append('%');
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
        if (argNum < args.size()) {
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
        return f.buf.toString();
    }

    /** The int operand for a '*' width or precision, or null when it is missing or not an int. */
    private static Integer intArg(List<?> args, int n) {
        if (n < args.size() && Values.isInt(args.get(n))) {
            long v = ((Number) args.get(n)).longValue();
            if (Math.abs(v) <= 1_000_000) {
                return (int) v;
            }
        }
        return null;
    }

    private static int parse(String digits) {
        return digits.length() > 7 ? 1_000_000 : Integer.parseInt(digits);
    }
}
