package io.metalboot.cli;

import java.io.Console;

/**
 * How diff lines look: coloured on a terminal ({@code +} green, {@code -} red, {@code ~} yellow,
 * {@code =} cyan, {@code #} notes dim, {@code [scope]} bold), plain elsewhere or when
 * {@code NO_COLOR} is set (https://no-color.org).
 */
record Style(boolean colour) {
    private static final String RESET = "\u001b[0m";

    /** Colour when standard output is a terminal and NO_COLOR is unset. */
    static Style detect() {
        String noColor = System.getenv("NO_COLOR");
        return new Style((noColor == null || noColor.isEmpty()) && Terminal.isTerminal());
    }

    static Style plain() {
        return new Style(false);
    }

    /**
     * {@code text} with every control character but newline and tab shown as an escape ({@code \x1b},
     * {@code \r}, {@code \x9b}): text that came from the router or the network can then neither move
     * the cursor, clear the screen, retitle the terminal nor hide what precedes it.
     */
    static String safe(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = c < 0x20 && c != '\n' && c != '\t' || c >= 0x7f && c <= 0x9f;
            if (control && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (!control) {
                    out.append(c);
                } else if (c == '\r') {
                    out.append("\\r");
                } else {
                    out.append(String.format("\\x%02x", (int) c));
                }
            }
        }
        return out == null ? text : out.toString();
    }

    /** One diff line, its control characters escaped ({@link #safe}), coloured by its leading symbol. */
    String line(String raw) {
        String line = safe(raw);
        if (!colour || line.isEmpty()) {
            return line;
        }
        String stripped = line.stripLeading();
        String code = switch (stripped.charAt(0)) {
            case '+' -> "32";
            case '-' -> "31";
            case '~' -> "33";
            case '=' -> "36";
            case '#' -> "2";
            case '[' -> "1";
            default -> "";
        };
        return code.isEmpty() ? line : "\u001b[" + code + "m" + line + RESET;
    }

    /** Each line of {@code text} styled, newline-terminated. */
    String lines(String text) {
        StringBuilder out = new StringBuilder();
        for (String l : text.split("\n", -1)) { // only \n: a \r from the router is shown escaped, not taken as a line end
            out.append(line(l)).append('\n');
        }
        if (text.endsWith("\n") || text.isEmpty()) {
            out.setLength(out.length() - 1);
        }
        return out.toString();
    }

    /** Whether the JVM's standard streams are a terminal. */
    static final class Terminal {
        private Terminal() {
        }

        /**
         * {@code System.console()} alone is not enough: since Java 22 it is non-null even when the
         * streams are redirected, and {@code Console.isTerminal()} (Java 22) tells; it is looked up
         * reflectively because metalboot is compiled for Java 21.
         */
        static boolean isTerminal() {
            Console console = System.console();
            if (console == null) {
                return false;
            }
            try {
                return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
            } catch (ReflectiveOperationException e) {
                return true;
            }
        }
    }
}
