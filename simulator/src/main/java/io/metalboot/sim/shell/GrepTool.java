package io.metalboot.sim.shell;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code grep [-qvcFEinlxwohHs] [-e PATTERN]… [PATTERN] [FILE…]}: exit 0 when a line is selected, 1 when none, 2 on error. */
final class GrepTool {
    private GrepTool() {
    }

    static int grep(Invocation inv) throws InterruptedException {
        List<String> args = new ArrayList<>(inv.operands());
        List<String> patterns = new ArrayList<>();
        Set<Character> flags = new HashSet<>();
        List<String> files = new ArrayList<>();
        boolean optionsDone = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!optionsDone && a.equals("--")) {
                optionsDone = true;
            } else if (!optionsDone && a.startsWith("-") && a.length() > 1) {
                for (int j = 1; j < a.length(); j++) {
                    char c = a.charAt(j);
                    if (c == 'e' || c == 'f') {
                        String v = j + 1 < a.length() ? a.substring(j + 1) : i + 1 < args.size() ? args.get(++i) : null;
                        if (v == null) {
                            throw new ToolSupport.Usage("option requires an argument -- '" + c + "'", 2);
                        }
                        patterns.addAll(List.of(v.split("\n", -1)));
                        break;
                    }
                    if ("qvcFEinlxwohHsr".indexOf(c) < 0) {
                        throw new ToolSupport.Usage("invalid option -- '" + c + "'", 2);
                    }
                    flags.add(c);
                }
            } else if (patterns.isEmpty() && !flags.contains('\u0000')) {
                patterns.addAll(List.of(a.split("\n", -1)));
                flags.add('\u0000');
            } else {
                files.add(a);
            }
        }
        if (patterns.isEmpty()) {
            throw new ToolSupport.Usage("usage: grep [OPTION]... PATTERN [FILE]...", 2);
        }
        List<Pattern> compiled = new ArrayList<>();
        for (String p : patterns) {
            String re = flags.contains('F') ? Pattern.quote(p) : Regex.translate(p, flags.contains('E'));
            if (flags.contains('w')) {
                re = "(?<![\\w])(?:" + re + ")(?![\\w])";
            }
            if (flags.contains('x')) {
                re = "^(?:" + re + ")$";
            }
            try {
                compiled.add(Pattern.compile(re, flags.contains('i') ? Pattern.CASE_INSENSITIVE : 0));
            } catch (java.util.regex.PatternSyntaxException e) {
                throw new ToolSupport.Usage("bad regex '" + p + "'", 2);
            }
        }
        List<String> inputs = ToolSupport.inputs(files);
        boolean names = (inputs.size() > 1 || flags.contains('H')) && !flags.contains('h');
        boolean selected = false;
        boolean error = false;
        for (String arg : inputs) {
            String text;
            try {
                text = ToolSupport.text(ToolSupport.input(inv, arg));
            } catch (IOException e) {
                if (!flags.contains('s')) {
                    inv.stderr().println("grep: " + arg + ": " + Errno.of(e));
                }
                error = true;
                continue;
            }
            String prefix = names ? (arg.equals("-") ? "(standard input)" : arg) + ":" : "";
            int count = 0;
            int number = 0;
            for (String line : ToolSupport.lines(text)) {
                number++;
                boolean match = compiled.stream().anyMatch(p -> p.matcher(line).find());
                if (match == flags.contains('v')) {
                    continue;
                }
                count++;
                selected = true;
                if (flags.contains('q')) {
                    return 0;
                }
                if (flags.contains('c') || flags.contains('l')) {
                    continue;
                }
                String lineNo = flags.contains('n') ? number + ":" : "";
                if (flags.contains('o') && !flags.contains('v')) {
                    for (Pattern p : compiled) {
                        Matcher m = p.matcher(line);
                        while (m.find()) {
                            inv.stdout().println(prefix + lineNo + m.group());
                        }
                    }
                } else {
                    inv.stdout().println(prefix + lineNo + line);
                }
            }
            if (flags.contains('c')) {
                inv.stdout().println(prefix + count);
            } else if (flags.contains('l') && count > 0) {
                inv.stdout().println(arg.equals("-") ? "(standard input)" : arg);
            }
        }
        return error && !(flags.contains('q') && selected) ? 2 : selected ? 0 : 1;
    }
}
