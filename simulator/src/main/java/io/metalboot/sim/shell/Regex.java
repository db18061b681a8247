package io.metalboot.sim.shell;

import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** POSIX basic (BRE, with GNU {@code \+ \? \|}) and extended (ERE) regular expressions as Java patterns. */
final class Regex {
    private static final Map<String, String> CLASSES = Map.of("alpha", "\\p{Alpha}", "digit", "0-9", "alnum", "\\p{Alnum}",
            "upper", "\\p{Upper}", "lower", "\\p{Lower}", "space", "\\s", "blank", " \\t", "punct", "\\p{Punct}",
            "xdigit", "0-9A-Fa-f", "print", "\\p{Print}");

    private Regex() {
    }

    static Pattern compile(String re, boolean extended, boolean ignoreCase) {
        try {
            return Pattern.compile(translate(re, extended), ignoreCase ? Pattern.CASE_INSENSITIVE : 0);
        } catch (PatternSyntaxException e) {
            throw new ToolSupport.Usage("bad regex '" + re + "': " + e.getDescription(), 2);
        }
    }

    static String translate(String re, boolean extended) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < re.length(); i++) {
            char c = re.charAt(i);
            if (c == '[') {
                i = bracket(re, i, out);
            } else if (c == '\\' && i + 1 < re.length()) {
                char n = re.charAt(++i);
                if (!extended && "(){}|+?".indexOf(n) >= 0) {
                    out.append(n);
                } else if (n == '<' || n == '>') {
                    out.append("\\b");
                } else if (Character.isLetterOrDigit(n)) {
                    out.append('\\').append(n);
                } else {
                    out.append(Pattern.quote(String.valueOf(n)));
                }
            } else if (!extended && "(){}|+?".indexOf(c) >= 0) {
                out.append('\\').append(c);
            } else if (c == '*' && (out.isEmpty() || out.toString().endsWith("(") || out.toString().equals("^"))) {
                out.append("\\*");
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Copies a bracket expression starting at {@code re[start] == '['}; returns the index of its ']'. */
    private static int bracket(String re, int start, StringBuilder out) {
        int i = start + 1;
        StringBuilder set = new StringBuilder("[");
        if (i < re.length() && re.charAt(i) == '^') {
            set.append('^');
            i++;
        }
        boolean first = true;
        for (; i < re.length(); i++) {
            char c = re.charAt(i);
            if (c == ']' && !first) {
                out.append(set).append(']');
                return i;
            }
            first = false;
            if (c == '[' && i + 1 < re.length() && re.charAt(i + 1) == ':') {
                int end = re.indexOf(":]", i + 2);
                if (end > 0 && CLASSES.containsKey(re.substring(i + 2, end))) {
                    set.append(CLASSES.get(re.substring(i + 2, end)));
                    i = end + 1;
                    continue;
                }
            }
            set.append("\\[]&^".indexOf(c) >= 0 ? "\\" + c : String.valueOf(c));
        }
        out.append("\\[");
        return start;
    }
}
