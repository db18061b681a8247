package io.metalboot.template;

import io.metalboot.template.Token.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Go's {@code text/template/parse/lex.go}: splits a source into text and action tokens. Trim markers
 * ({@code "{{- "} and {@code " -}}"}) are applied here, as in Go; the parser never sees them. A lexical
 * error becomes an {@link Kind#ERROR} token that ends the list, so the parser reports whichever error
 * comes first in the source.
 */
final class Lexer {
    private static final String LEFT = "{{";
    private static final String RIGHT = "}}";
    private static final String SPACE_CHARS = " \t\r\n";
    private final String input;
    private final List<Token> tokens = new ArrayList<>();
    private final ActionLexer action;
    private int pos;

    private Lexer(String input) {
        this.input = input;
        this.action = new ActionLexer(input, tokens);
    }

    static List<Token> lex(String input) {
        Lexer lexer = new Lexer(input);
        lexer.run();
        return lexer.tokens;
    }

    private void run() {
        while (true) {
            int x = input.indexOf(LEFT, pos);
            if (x < 0) {
                if (pos < input.length()) {
                    emit(Kind.TEXT, pos, input.substring(pos));
                }
                emit(Kind.EOF, input.length(), "");
                return;
            }
            int end = hasLeftTrimMarker(x + LEFT.length()) ? trimRight(pos, x) : x;
            if (end > pos) {
                emit(Kind.TEXT, pos, input.substring(pos, end));
            }
            if (!lexAction(x)) {
                return;
            }
        }
    }

    /** Lexes one action or comment starting at the left delimiter at {@code x}; false after an error. */
    private boolean lexAction(int x) {
        pos = x + LEFT.length();
        int afterMarker = hasLeftTrimMarker(pos) ? 2 : 0;
        if (input.startsWith("/*", pos + afterMarker)) {
            return lexComment(x, pos + afterMarker);
        }
        emit(Kind.LEFT_DELIM, x, LEFT);
        pos += afterMarker;
        action.openParens.clear();
        while (true) {
            int delim = rightDelimAt(input, pos);
            if (delim > 0) {
                if (!action.openParens.isEmpty()) {
                    return error(action.openParens.peek(),
                            "unclosed left paren: \"(\" has no matching \")\" in this action");
                }
                int at = pos + (delim == 2 ? 2 : 0);
                emit(Kind.RIGHT_DELIM, at, RIGHT);
                pos = at + RIGHT.length();
                if (delim == 2) {
                    pos = trimLeft(pos);
                }
                return true;
            }
            if (pos >= input.length()) {
                return error(x, "unclosed action: no \"}}\" before the end of the input");
            }
            action.pos = pos;
            boolean ok = action.next();
            pos = action.pos;
            if (!ok) {
                return false;
            }
        }
    }

    private boolean lexComment(int x, int commentStart) {
        int close = input.indexOf("*/", commentStart + 2);
        if (close < 0) {
            return error(x, "unclosed comment: no \"*/\" before the end of the input");
        }
        pos = close + 2;
        int delim = rightDelimAt(input, pos);
        if (delim == 0) {
            return error(pos, "comment ends before closing delimiter: \"*/\" must be followed by \"}}\" or \" -}}\"");
        }
        pos += (delim == 2 ? 2 : 0) + RIGHT.length();
        if (delim == 2) {
            pos = trimLeft(pos);
        }
        return true;
    }

    /** 0: no right delimiter at {@code at}; 1: "}}"; 2: " -}}" (trim marker, space first). */
    static int rightDelimAt(String input, int at) {
        if (at + 2 <= input.length() && isSpace(input.charAt(at)) && input.charAt(at + 1) == '-'
                && input.startsWith(RIGHT, at + 2)) {
            return 2;
        }
        return input.startsWith(RIGHT, at) ? 1 : 0;
    }

    private boolean hasLeftTrimMarker(int at) {
        return at + 1 < input.length() && input.charAt(at) == '-' && isSpace(input.charAt(at + 1));
    }

    private int trimRight(int from, int end) {
        while (end > from && SPACE_CHARS.indexOf(input.charAt(end - 1)) >= 0) {
            end--;
        }
        return end;
    }

    private int trimLeft(int at) {
        while (at < input.length() && SPACE_CHARS.indexOf(input.charAt(at)) >= 0) {
            at++;
        }
        return at;
    }

    private void emit(Kind kind, int at, String val) {
        tokens.add(new Token(kind, at, val));
    }

    private boolean error(int at, String message) {
        emit(Kind.ERROR, at, message);
        return false;
    }

    static boolean isSpace(int r) {
        return r == ' ' || r == '\t' || r == '\r' || r == '\n';
    }
}
