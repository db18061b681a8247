package io.metalboot.adopt;

import java.util.ArrayList;
import java.util.List;

/**
 * A text cut into lines as SnakeYAML counts them (a line ends at {@code \n}, {@code \r\n}, a lone {@code \r},
 * U+0085, U+2028 or U+2029), each line keeping its own terminator, so the lines joined are the text byte for byte.
 */
final class TextLines {
    private TextLines() {
    }

    static List<String> of(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean crlf = c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n';
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                int end = crlf ? i + 2 : i + 1;
                lines.add(text.substring(start, end));
                start = end;
                i = end - 1;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }

    /** The line break the file uses: {@code \r\n} when it has one, else {@code \n}. */
    static String newline(String text) {
        return text.contains("\r\n") ? "\r\n" : "\n";
    }

    static boolean terminated(String line) {
        return !line.isEmpty() && "\n\r\u0085\u2028\u2029".indexOf(line.charAt(line.length() - 1)) >= 0;
    }
}
