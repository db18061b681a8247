package io.metalboot.router.edgeos;

import io.metalboot.router.RouterAgentException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Word splitting as the vbash shell does it for {@code set}/{@code delete} lines: whitespace
 * separates words; single quotes are literal; double quotes keep spaces and honour backslash only
 * before {@code $ ` " \}; an unquoted backslash escapes the next character; adjacent parts join.
 * EdgeOS values never contain a raw double quote, they spell it {@code &quot;}, which passes
 * through untouched.
 */
final class VyattaWords {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._:/@%+=,\\-]+");

    private VyattaWords() {
    }

    static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
                i++;
            } else if (c == '\'') {
                int end = line.indexOf('\'', i + 1);
                if (end < 0) {
                    throw unterminated(line, '\'');
                }
                word.append(line, i + 1, end);
                inWord = true;
                i = end + 1;
            } else if (c == '"') {
                i = doubleQuoted(line, i + 1, word);
                inWord = true;
            } else if (c == '\\' && i + 1 < line.length()) {
                word.append(line.charAt(i + 1));
                inWord = true;
                i += 2;
            } else {
                word.append(c);
                inWord = true;
                i++;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    private static int doubleQuoted(String line, int start, StringBuilder word) {
        int i = start;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '"') {
                return i + 1;
            }
            if (c == '\\' && i + 1 < line.length() && "$`\"\\".indexOf(line.charAt(i + 1)) >= 0) {
                word.append(line.charAt(i + 1));
                i += 2;
            } else {
                word.append(c);
                i++;
            }
        }
        throw unterminated(line, '"');
    }

    private static RouterAgentException unterminated(String line, char quote) {
        return new RouterAgentException("unterminated " + quote + " in command line: " + line
                + " (close the quote; EdgeOS spells a double quote inside a value as &quot;)");
    }

    /** A word as EdgeOS's {@code show configuration commands} prints it: bare, else single-quoted. */
    static String quote(String word) {
        if (PLAIN.matcher(word).matches()) {
            return word;
        }
        if (word.indexOf('\'') < 0) {
            return "'" + word + "'";
        }
        return "\"" + word.replaceAll("([\\\\$`\"])", "\\\\$1") + "\"";
    }

    static String join(List<String> words) {
        return String.join(" ", words.stream().map(VyattaWords::quote).toList());
    }
}
