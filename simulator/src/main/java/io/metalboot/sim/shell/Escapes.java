package io.metalboot.sim.shell;

/** Backslash escapes of {@code echo -e}, {@code printf} formats and {@code printf %b}. */
final class Escapes {
    private Escapes() {
    }

    /**
     * Appends {@code text} with escapes interpreted; false when {@code \c} stopped the output. With
     * {@code zeroPrefixedOctal} (echo, %b) octal is {@code \0NNN}, otherwise (printf format) {@code \NNN}.
     */
    static boolean apply(String text, StringBuilder out, boolean zeroPrefixedOctal) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\' || i + 1 == text.length()) {
                out.append(c);
                continue;
            }
            char n = text.charAt(++i);
            switch (n) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'a' -> out.append('\007');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'v' -> out.append('\013');
                case 'e' -> out.append('\033');
                case '\\' -> out.append('\\');
                case 'c' -> {
                    return false;
                }
                case 'x' -> {
                    int end = i + 1;
                    while (end < text.length() && end < i + 3 && Character.digit(text.charAt(end), 16) >= 0) {
                        end++;
                    }
                    if (end == i + 1) {
                        out.append("\\x");
                    } else {
                        out.append((char) Integer.parseInt(text.substring(i + 1, end), 16));
                        i = end - 1;
                    }
                }
                default -> {
                    if (n >= '0' && n <= '7') {
                        int start = zeroPrefixedOctal && n == '0' ? i + 1 : i;
                        int end = start;
                        while (end < text.length() && end < start + 3 && text.charAt(end) >= '0' && text.charAt(end) <= '7') {
                            end++;
                        }
                        out.append((char) (end == start ? 0 : Integer.parseInt(text.substring(start, end), 8)));
                        i = end - 1;
                    } else {
                        out.append('\\').append(n);
                    }
                }
            }
        }
        return true;
    }
}
