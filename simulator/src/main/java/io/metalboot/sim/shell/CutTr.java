package io.metalboot.sim.shell;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code cut -d D -f LIST | -c LIST} and {@code tr [-d] [-s] SET1 [SET2]}. */
final class CutTr {
    private static final Map<String, String> CLASSES = Map.of("upper", "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
            "lower", "abcdefghijklmnopqrstuvwxyz", "digit", "0123456789", "space", " \t\n\r\f\u000b", "blank", " \t");

    private CutTr() {
    }

    static int cut(Invocation inv) throws InterruptedException {
        ToolSupport.Opts o = ToolSupport.options(inv.operands(), "s", "dfcb", false);
        boolean chars = o.values().containsKey('c') || o.values().containsKey('b');
        String list = o.value('f', o.value('c', o.value('b', "")));
        if (list.isEmpty()) {
            throw new ToolSupport.Usage("you must specify a list of bytes, characters, or fields");
        }
        String delim = o.value('d', "\t");
        int status = 0;
        for (String arg : ToolSupport.inputs(o.operands())) {
            try {
                for (String line : ToolSupport.lines(ToolSupport.text(ToolSupport.input(inv, arg)))) {
                    if (chars) {
                        StringBuilder b = new StringBuilder();
                        for (int i = 1; i <= line.length(); i++) {
                            if (selected(list, i)) {
                                b.append(line.charAt(i - 1));
                            }
                        }
                        inv.stdout().println(b);
                        continue;
                    }
                    if (!line.contains(delim)) {
                        if (!o.has('s')) {
                            inv.stdout().println(line);
                        }
                        continue;
                    }
                    String[] fields = line.split(java.util.regex.Pattern.quote(delim), -1);
                    List<String> picked = new ArrayList<>();
                    for (int i = 1; i <= fields.length; i++) {
                        if (selected(list, i)) {
                            picked.add(fields[i - 1]);
                        }
                    }
                    inv.stdout().println(String.join(delim, picked));
                }
            } catch (IOException e) {
                inv.stderr().println("cut: " + arg + ": " + Errno.of(e));
                status = 1;
            }
        }
        return status;
    }

    /** Whether position {@code n} is in a list like {@code 1,3-4,6-}. */
    private static boolean selected(String list, int n) {
        for (String range : list.split(",")) {
            int dash = range.indexOf('-');
            int lo = dash == 0 ? 1 : ToolSupport.number("cut", dash < 0 ? range : range.substring(0, dash));
            int hi = dash < 0 ? lo : dash == range.length() - 1 ? Integer.MAX_VALUE : ToolSupport.number("cut", range.substring(dash + 1));
            if (n >= lo && n <= hi) {
                return true;
            }
        }
        return false;
    }

    static int tr(Invocation inv) throws InterruptedException {
        ToolSupport.Opts o = ToolSupport.options(inv.operands(), "dsc", "", false);
        List<String> sets = o.operands();
        if (sets.isEmpty() || (!o.has('d') && !o.has('s') && sets.size() < 2)) {
            throw new ToolSupport.Usage("missing operand");
        }
        String from = expand(sets.get(0));
        String to = sets.size() > 1 ? expand(sets.get(1)) : "";
        String text = ToolSupport.text(ToolSupport.readAll(inv.stdin()));
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            int i = from.indexOf(c);
            if (o.has('d') && i >= 0) {
                continue;
            }
            char mapped = i >= 0 && !to.isEmpty() && !o.has('d') ? to.charAt(Math.min(i, to.length() - 1)) : c;
            String squeezeSet = o.has('d') ? to : to.isEmpty() ? from : to;
            if (o.has('s') && !out.isEmpty() && out.charAt(out.length() - 1) == mapped && squeezeSet.indexOf(mapped) >= 0) {
                continue;
            }
            out.append(mapped);
        }
        inv.stdout().print(out);
        inv.stdout().flush();
        return 0;
    }

    /** Ranges ({@code a-z}), escapes ({@code \n}) and classes ({@code [:upper:]}) of a tr set. */
    static String expand(String set) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < set.length(); i++) {
            char c = set.charAt(i);
            if (c == '[' && set.startsWith("[:", i) && set.indexOf(":]", i) > 0) {
                int end = set.indexOf(":]", i);
                out.append(CLASSES.getOrDefault(set.substring(i + 2, end), ""));
                i = end + 1;
            } else if (c == '\\' && i + 1 < set.length()) {
                char n = set.charAt(++i);
                out.append(switch (n) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    default -> n;
                });
            } else if (i + 2 < set.length() && set.charAt(i + 1) == '-') {
                for (char x = c; x <= set.charAt(i + 2); x++) {
                    out.append(x);
                }
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
