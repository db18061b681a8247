package io.metalboot.sim.shell;

import io.metalboot.sim.fs.RouterFs;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Shell patterns ({@code * ? [abc] [!a-z]}) for {@code case}, {@code ${x%pat}} and pathname
 * expansion. A pattern string escapes quoted characters with a backslash.
 */
final class Glob {
    private Glob() {
    }

    static boolean hasMagic(String pattern) {
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '*' || c == '?' || c == '[') {
                return true;
            }
        }
        return false;
    }

    static String escape(String literal) {
        StringBuilder b = new StringBuilder();
        for (char c : literal.toCharArray()) {
            if ("*?[]\\".indexOf(c) >= 0) {
                b.append('\\');
            }
            b.append(c);
        }
        return b.toString();
    }

    static String unescape(String pattern) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                c = pattern.charAt(++i);
            }
            b.append(c);
        }
        return b.toString();
    }

    static boolean matches(String pattern, String text) {
        return regex(pattern).matcher(text).matches();
    }

    static Pattern regex(String pattern) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                re.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
            } else if (c == '*') {
                re.append(".*");
            } else if (c == '?') {
                re.append('.');
            } else if (c == '[' && pattern.indexOf(']', i + 2) > 0) {
                int end = pattern.indexOf(']', i + 2);
                String set = pattern.substring(i + 1, end);
                boolean negate = set.startsWith("!") || set.startsWith("^");
                set = negate ? set.substring(1) : set;
                re.append('[').append(negate ? "^" : "").append(set.replace("\\", "\\\\").replace("[", "\\[")).append(']');
                i = end;
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString(), Pattern.DOTALL);
    }

    /** Pathname expansion: matching paths, sorted; empty when nothing matches. */
    static List<String> expand(RouterFs fs, String cwd, String pattern) {
        List<String> results = new ArrayList<>(List.of(pattern.startsWith("/") ? "/" : ""));
        String[] segments = pattern.split("/");
        for (int s = 0; s < segments.length; s++) {
            String seg = segments[s];
            if (seg.isEmpty()) {
                continue;
            }
            List<String> next = new ArrayList<>();
            for (String base : results) {
                String dir = base.isEmpty() ? cwd : base;
                if (!hasMagic(seg)) {
                    next.add(join(base, unescape(seg)));
                    continue;
                }
                try {
                    if (!fs.isDirectory(RouterFs.normalize(dir, cwd))) {
                        continue;
                    }
                    for (String name : fs.list(RouterFs.normalize(dir, cwd))) {
                        if ((!name.startsWith(".") || seg.startsWith(".")) && matches(seg, name)) {
                            next.add(join(base, name));
                        }
                    }
                } catch (IOException e) {
                    // unreadable directory: no matches from it
                }
            }
            results = next;
        }
        return results.stream().filter(p -> !p.isEmpty() && fs.exists(RouterFs.normalize(p, cwd))).sorted().toList();
    }

    private static String join(String base, String name) {
        return base.isEmpty() ? name : base.endsWith("/") ? base + name : base + "/" + name;
    }
}
