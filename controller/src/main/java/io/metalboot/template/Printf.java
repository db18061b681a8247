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

    /** fmt.Sprintf. */
    static String sprintf(String format, List<?> args) {
        return new Sprintf(format, args).run();
    }
}
