package io.metalboot.sim.shell;

import static io.metalboot.sim.shell.ToolSupport.wrap;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code sed [-n] [-i] [-E|-r] [-e SCRIPT]… [SCRIPT] [FILE…]} with commands {@code s/RE/REPL/[gpI]},
 * {@code p}, {@code d}, {@code q}, each with an optional address ({@code N}, {@code $}, {@code /RE/})
 * or range {@code A,B}; commands separated by {@code ;} or newlines.
 */
final class SedTool {
    private record Address(Optional<Integer> line, boolean last, Optional<Pattern> regex) {
        boolean matches(int n, boolean isLast, String text) {
            return line.map(l -> l == n).orElse(false) || (last && isLast) || regex.map(r -> r.matcher(text).find()).orElse(false);
        }
    }

    private static final class Cmd {
        Optional<Address> from = Optional.empty();
        Optional<Address> to = Optional.empty();
        boolean inRange;
        char op;
        Pattern regex;
        String replacement;
        boolean global;
        boolean print;
    }

    private SedTool() {
    }

    static void register(CommandTable t) {
        t.register("sed", wrap("sed", SedTool::sed));
    }

    private static int sed(Invocation inv) throws IOException, InterruptedException {
        List<String> scripts = new ArrayList<>();
        List<String> files = new ArrayList<>();
        boolean quiet = false;
        boolean inPlace = false;
        boolean extended = false;
        List<String> args = inv.operands();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "-n" -> quiet = true;
                case "-i" -> inPlace = true;
                case "-E", "-r" -> extended = true;
                case "-e" -> scripts.add(i + 1 < args.size() ? args.get(++i) : "");
                default -> {
                    if (a.startsWith("-") && a.length() > 1) {
                        throw new ToolSupport.Usage("unknown option " + a);
                    }
                    if (scripts.isEmpty() && files.isEmpty() && !args.subList(0, i).contains("-e")) {
                        scripts.add(a);
                    } else {
                        files.add(a);
                    }
                }
            }
        }
        List<Cmd> cmds = parse(String.join("\n", scripts), extended);
        if (inPlace) {
            for (String f : files) {
                String p = ToolSupport.path(inv, f);
                inv.fs().write(p, run(cmds, inv.fs().read(p), quiet));
            }
            return 0;
        }
        int status = 0;
        StringBuilder text = new StringBuilder();
        for (String f : ToolSupport.inputs(files)) {
            try {
                text.append(ToolSupport.text(ToolSupport.input(inv, f)));
            } catch (IOException e) {
                inv.stderr().println("sed: " + (ToolSupport.gnu(inv) ? "can't read " + f + ": " : f + ": ") + Errno.of(e));
                status = 2;
            }
        }
        inv.stdout().print(run(cmds, text.toString(), quiet));
        inv.stdout().flush();
        return status;
    }

    private static String run(List<Cmd> cmds, String text, boolean quiet) {
        StringBuilder out = new StringBuilder();
        List<String> lines = ToolSupport.lines(text);
        boolean finalNewline = text.endsWith("\n");
        for (int n = 1; n <= lines.size(); n++) {
            String line = lines.get(n - 1);
            boolean last = n == lines.size();
            boolean deleted = false;
            boolean quit = false;
            for (Cmd c : cmds) {
                if (!selected(c, n, last, line)) {
                    continue;
                }
                if (c.op == 'd') {
                    deleted = true;
                    break;
                }
                if (c.op == 'p') {
                    out.append(line).append('\n');
                } else if (c.op == 'q') {
                    quit = true;
                    break;
                } else if (c.op == 's') {
                    Matcher m = c.regex.matcher(line);
                    StringBuilder b = new StringBuilder();
                    int at = 0;
                    boolean any = false;
                    int lastEnd = -1;
                    while (m.find()) {
                        if (m.start() == m.end() && m.start() == lastEnd) {
                            continue;
                        }
                        lastEnd = m.end();
                        any = true;
                        b.append(line, at, m.start()).append(replacement(c.replacement, m));
                        at = m.end();
                        if (!c.global) {
                            break;
                        }
                    }
                    if (any) {
                        line = b.append(line.substring(at)).toString();
                        if (c.print) {
                            out.append(line).append('\n');
                        }
                    }
                }
            }
            if (!deleted && !quiet) {
                out.append(line).append(last && !finalNewline ? "" : "\n");
            }
            if (quit) {
                break;
            }
        }
        return out.toString();
    }

    private static boolean selected(Cmd c, int n, boolean last, String line) {
        if (c.from.isEmpty()) {
            return true;
        }
        if (c.to.isEmpty()) {
            return c.from.get().matches(n, last, line);
        }
        if (c.inRange) {
            if (c.to.get().matches(n, last, line) || c.to.get().line().map(l -> n >= l).orElse(false)) {
                c.inRange = false;
            }
            return true;
        }
        if (c.from.get().matches(n, last, line)) {
            c.inRange = !c.to.get().line().map(l -> l <= n).orElse(false);
            return true;
        }
        return false;
    }

    private static String replacement(String repl, Matcher m) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < repl.length(); i++) {
            char c = repl.charAt(i);
            if (c == '&') {
                b.append(m.group());
            } else if (c == '\\' && i + 1 < repl.length()) {
                char n = repl.charAt(++i);
                if (Character.isDigit(n) && n - '0' <= m.groupCount()) {
                    b.append(Optional.ofNullable(m.group(n - '0')).orElse(""));
                } else {
                    b.append(n == 'n' ? '\n' : n == 't' ? '\t' : n);
                }
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static List<Cmd> parse(String script, boolean extended) {
        List<Cmd> cmds = new ArrayList<>();
        int[] pos = {0};
        while (pos[0] < script.length()) {
            char c = script.charAt(pos[0]);
            if (c == ';' || c == '\n' || c == ' ' || c == '\t') {
                pos[0]++;
                continue;
            }
            Cmd cmd = new Cmd();
            cmd.from = address(script, pos, extended);
            if (cmd.from.isPresent() && pos[0] < script.length() && script.charAt(pos[0]) == ',') {
                pos[0]++;
                cmd.to = address(script, pos, extended);
            }
            if (pos[0] >= script.length()) {
                throw new ToolSupport.Usage("-e expression #1, char " + pos[0] + ": missing command");
            }
            cmd.op = script.charAt(pos[0]++);
            if (cmd.op == 's') {
                char delim = script.charAt(pos[0]++);
                String re = until(script, pos, delim);
                cmd.replacement = until(script, pos, delim);
                int flagsStart = pos[0];
                while (pos[0] < script.length() && "gpI".indexOf(script.charAt(pos[0])) >= 0) {
                    pos[0]++;
                }
                String flags = script.substring(flagsStart, pos[0]);
                cmd.global = flags.contains("g");
                cmd.print = flags.contains("p");
                cmd.regex = Regex.compile(re, extended, flags.contains("I"));
            } else if ("pdq".indexOf(cmd.op) < 0) {
                throw new ToolSupport.Usage("-e expression #1, char " + pos[0] + ": unknown command: `" + cmd.op + "'");
            }
            cmds.add(cmd);
        }
        return cmds;
    }

    private static Optional<Address> address(String script, int[] pos, boolean extended) {
        int start = pos[0];
        if (script.charAt(start) == '$') {
            pos[0]++;
            return Optional.of(new Address(Optional.empty(), true, Optional.empty()));
        }
        if (script.charAt(start) == '/') {
            pos[0]++;
            String re = until(script, pos, '/');
            return Optional.of(new Address(Optional.empty(), false, Optional.of(Regex.compile(re, extended, false))));
        }
        while (pos[0] < script.length() && Character.isDigit(script.charAt(pos[0]))) {
            pos[0]++;
        }
        return pos[0] == start ? Optional.empty()
                : Optional.of(new Address(Optional.of(Integer.parseInt(script.substring(start, pos[0]))), false, Optional.empty()));
    }

    /** Text up to an unescaped {@code delim} (consumed); {@code \delim} becomes {@code delim}. */
    private static String until(String script, int[] pos, char delim) {
        StringBuilder b = new StringBuilder();
        while (pos[0] < script.length()) {
            char c = script.charAt(pos[0]++);
            if (c == delim) {
                return b.toString();
            }
            if (c == '\\' && pos[0] < script.length()) {
                char n = script.charAt(pos[0]++);
                b.append(n == delim ? String.valueOf(n) : "\\" + n);
            } else {
                b.append(c);
            }
        }
        throw new ToolSupport.Usage("-e expression #1, char " + pos[0] + ": unterminated `s' command");
    }
}
