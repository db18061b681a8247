package io.metalboot.router.openwrt;

import java.util.ArrayList;
import java.util.List;

/**
 * uci's argument reader (file.c {@code parse_str}/{@code next_arg}), shared by config files and
 * {@code uci batch}: words split on whitespace; single quotes literal; double quotes and bare words
 * take a backslash as "keep the next character" and a trailing backslash as a line continuation;
 * quoted strings may span lines; {@code #} outside quotes ends the line; {@code ;} ends the command.
 * An empty word ({@code ''}) is the same as no word, as in uci.
 */
final class UciLexer {
    /**
     * A word, where it started and where file.c's parser stands after reading it (past one following
     * blank), as byte offsets in the command's line: uci reports "line N, byte M" at that position.
     */
    record Word(String text, int line, int column, int end) {
    }

    /** Raised for an unterminated quote; the caller turns it into uci's parse error. */
    static final class LexError extends Exception {
        private static final long serialVersionUID = 1L;
        final int line;
        final int column;

        LexError(String reason, int line, int column) {
            super(reason, null, false, false);
            this.line = line;
            this.column = column;
        }
    }

    private final String text;
    private int pos;
    private int line = 1;
    private int lineStart;
    private int commandLineStart;
    private int commandEnd;

    UciLexer(String text) {
        this.text = text;
    }

    boolean atEnd() {
        return pos >= text.length();
    }

    int line() {
        return line;
    }

    /** Where the last command ended (after its newline or ';'), as a byte offset in its first line, as uci counts. */
    int commandEnd() {
        return commandEnd;
    }

    /** The words of the next command: up to the end of the line (or a ';'), comments dropped. */
    List<Word> nextCommand() throws LexError {
        List<Word> words = new ArrayList<>();
        commandLineStart = lineStart;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\n') {
                newline();
                if (!words.isEmpty()) {
                    commandEnd = pos - commandLineStart;
                    return words;
                }
                commandLineStart = lineStart;
            } else if (c == ' ' || c == '\t' || c == '\r') {
                pos++;
            } else if (c == '#') {
                skipToEndOfLine();
            } else if (c == ';') {
                pos++;
                commandEnd = pos - commandLineStart;
                return words;
            } else {
                int startLine = line;
                int column = pos - commandLineStart;
                String word = word();
                boolean blankFollows = pos < text.length() && " \t\r\n".indexOf(text.charAt(pos)) >= 0;
                words.add(new Word(word, startLine, column, pos - commandLineStart + (blankFollows ? 1 : 0)));
            }
        }
        commandEnd = pos - commandLineStart;
        return words;
    }

    private String word() throws LexError {
        StringBuilder out = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\'') {
                quoted('\'', out);
            } else if (c == '"') {
                quoted('"', out);
            } else if (c == '\\') {
                backslash(out);
            } else if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == ';' || c == '#') {
                break;
            } else {
                out.append(c);
                pos++;
            }
        }
        return out.toString();
    }

    private void quoted(char quote, StringBuilder out) throws LexError {
        pos++;
        while (true) {
            if (pos >= text.length()) {
                // file.c reports where it stands at EOF: lines read so far, bytes since the command's line began
                throw new LexError("EOF with unterminated " + quote, line - 1, pos - commandLineStart);
            }
            char c = text.charAt(pos);
            if (c == quote) {
                pos++;
                return;
            }
            if (quote == '"' && c == '\\') {
                backslash(out);
                continue;
            }
            if (c == '\n') {
                out.append(c);
                newline();
                continue;
            }
            out.append(c);
            pos++;
        }
    }

    /** A backslash keeps the next character; at the end of a line it joins the next line. */
    private void backslash(StringBuilder out) {
        pos++;
        if (pos >= text.length()) {
            return;
        }
        char next = text.charAt(pos);
        if (next == '\n') {
            newline();
        } else if (next == '\r' && pos + 1 < text.length() && text.charAt(pos + 1) == '\n') {
            pos++;
            newline();
        } else {
            out.append(next);
            pos++;
        }
    }

    private void newline() {
        pos++;
        line++;
        lineStart = pos;
    }

    private void skipToEndOfLine() {
        while (pos < text.length() && text.charAt(pos) != '\n') {
            pos++;
        }
    }
}
