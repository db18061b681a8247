package io.metalboot.sim.shell;

import java.util.List;

/** {@code printf FORMAT [ARG…]}: %s %b %c %d %i %u %x %X %o %%, flags, width, precision; the format repeats for extra arguments. */
final class PrintfTool {
    private PrintfTool() {
    }

    static int printf(Invocation inv) {
        List<String> args = inv.operands();
        if (args.isEmpty()) {
            throw new ToolSupport.Usage("usage: printf FORMAT [ARGUMENT...]");
        }
        String format = args.get(0);
        List<String> values = args.subList(1, args.size());
        StringBuilder out = new StringBuilder();
        int status = 0;
        int next = 0;
        do {
            int before = next;
            for (int i = 0; i < format.length(); i++) {
                char c = format.charAt(i);
                if (c == '\\') {
                    int end = i + 2;
                    if (i + 1 < format.length() && Character.isDigit(format.charAt(i + 1))) {
                        while (end < format.length() && end < i + 4 && Character.isDigit(format.charAt(end))) {
                            end++;
                        }
                    }
                    end = Math.min(end, format.length());
                    if (!Escapes.apply(format.substring(i, end), out, false)) {
                        inv.stdout().print(out);
                        return status;
                    }
                    i = end - 1;
                    continue;
                }
                if (c != '%' || i + 1 == format.length()) {
                    out.append(c);
                    continue;
                }
                int start = i;
                i++;
                while (i < format.length() && "-+ #0123456789.".indexOf(format.charAt(i)) >= 0) {
                    i++;
                }
                char conv = format.charAt(i);
                String spec = format.substring(start, i);
                if (conv == '%') {
                    out.append('%');
                    continue;
                }
                String arg = next < values.size() ? values.get(next++) : "";
                switch (conv) {
                    case 's' -> out.append(String.format(spec + "s", arg));
                    case 'b' -> {
                        StringBuilder b = new StringBuilder();
                        boolean more = Escapes.apply(arg, b, true);
                        out.append(String.format(spec + "s", b));
                        if (!more) {
                            inv.stdout().print(out);
                            return status;
                        }
                    }
                    case 'c' -> out.append(arg.isEmpty() ? "" : arg.substring(0, 1));
                    case 'd', 'i', 'u', 'x', 'X', 'o' -> {
                        long n;
                        try {
                            n = arg.isEmpty() ? 0 : arg.startsWith("'") || arg.startsWith("\"")
                                    ? arg.length() > 1 ? arg.charAt(1) : 0 : Long.decode(arg.strip());
                        } catch (NumberFormatException e) {
                            inv.stderr().println("printf: invalid number '" + arg + "'");
                            status = 1;
                            n = 0;
                        }
                        String javaConv = conv == 'i' || conv == 'u' ? "d" : String.valueOf(conv);
                        out.append(String.format(spec.replace("#", conv == 'd' || conv == 'i' ? "" : "#") + javaConv, n));
                    }
                    default -> {
                        inv.stderr().println("printf: %" + conv + ": invalid format");
                        return 1;
                    }
                }
            }
            if (next == before) {
                break;
            }
        } while (next < values.size());
        inv.stdout().print(out);
        inv.stdout().flush();
        return status;
    }
}
