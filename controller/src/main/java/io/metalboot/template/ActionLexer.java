package io.metalboot.template;

import io.metalboot.template.Token.Kind;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * The inside of an action for {@link Lexer}, after Go's {@code lexInsideAction} and the state functions
 * it calls: one token per {@link #next()}, read from {@link #pos}.
 */
final class ActionLexer {
    private static final Map<String, Kind> KEYWORDS = Map.ofEntries(
            Map.entry(".", Kind.DOT), Map.entry("block", Kind.BLOCK), Map.entry("break", Kind.BREAK),
            Map.entry("continue", Kind.CONTINUE), Map.entry("define", Kind.DEFINE), Map.entry("else", Kind.ELSE),
            Map.entry("end", Kind.END), Map.entry("if", Kind.IF), Map.entry("range", Kind.RANGE),
            Map.entry("nil", Kind.NIL), Map.entry("template", Kind.TEMPLATE), Map.entry("with", Kind.WITH));

    private final String input;
    private final List<Token> tokens;
    /** Positions of the '(' still open in the current action, innermost first. */
    final Deque<Integer> openParens = new ArrayDeque<>();
    int pos;
    private int start;

    ActionLexer(String input, List<Token> tokens) {
        this.input = input;
        this.tokens = tokens;
    }

    /** One token inside an action; false after an error. */
    boolean next() {
        start = pos;
        int r = input.codePointAt(pos);
        pos += Character.charCount(r);
        switch (r) {
            case ' ', '\t', '\r', '\n' -> {
                return lexSpace();
            }
            case '=' -> emit(Kind.ASSIGN, start, "=");
            case ':' -> {
                if (pos >= input.length() || input.charAt(pos) != '=') {
                    return error(start, "expected := (a ':' must be followed by '=')");
                }
                pos++;
                emit(Kind.DECLARE, start, ":=");
            }
            case '|' -> emit(Kind.PIPE, start, "|");
            case '"' -> {
                return lexQuote('"', Kind.STRING, "unterminated quoted string");
            }
            case '`' -> {
                return lexQuote('`', Kind.RAW_STRING, "unterminated raw quoted string");
            }
            case '\'' -> {
                return lexQuote('\'', Kind.CHAR_CONSTANT, "unterminated character constant");
            }
            case '$' -> {
                return lexFieldOrVariable(Kind.VARIABLE);
            }
            case '(' -> {
                openParens.push(start);
                emit(Kind.LEFT_PAREN, start, "(");
            }
            case ')' -> {
                if (openParens.isEmpty()) {
                    return error(start, "unexpected right paren: no \"(\" is open");
                }
                openParens.pop();
                emit(Kind.RIGHT_PAREN, start, ")");
            }
            default -> {
                if (r == '.' && !(pos < input.length() && isDigit(input.charAt(pos)))) {
                    return lexFieldOrVariable(Kind.FIELD);
                }
                if (r == '.' || r == '+' || r == '-' || isDigit(r)) {
                    pos = start;
                    return lexNumber();
                }
                if (isAlphaNumeric(r)) {
                    return lexIdentifier();
                }
                if (r < 0x80 && r >= 0x20 && r != 0x7f) {
                    emit(Kind.CHAR, start, input.substring(start, pos));
                    return true;
                }
                return error(start, "unrecognized character in action: " + Quote.codePoint(r));
            }
        }
        return true;
    }

    /** A run of spaces; the last one is left alone when it begins a " -}}" trim marker. */
    private boolean lexSpace() {
        int spaces = 1;
        while (pos < input.length() && isSpace(input.charAt(pos))) {
            pos++;
            spaces++;
        }
        if (Lexer.rightDelimAt(input, pos - 1) == 2) {
            pos--;
            if (spaces == 1) {
                return true;
            }
        }
        emit(Kind.SPACE, start, input.substring(start, pos));
        return true;
    }

    private boolean lexIdentifier() {
        while (pos < input.length() && isAlphaNumeric(input.codePointAt(pos))) {
            pos += Character.charCount(input.codePointAt(pos));
        }
        if (!atTerminator()) {
            return error(pos, "bad character " + Quote.codePoint(input.codePointAt(pos)));
        }
        String word = input.substring(start, pos);
        Kind keyword = KEYWORDS.get(word);
        emit(keyword != null ? keyword
                : word.equals("true") || word.equals("false") ? Kind.BOOL : Kind.IDENTIFIER, start, word);
        return true;
    }

    /** {@code .Field} or {@code $variable}; the '.' or '$' has been read. */
    private boolean lexFieldOrVariable(Kind kind) {
        if (atTerminator()) {
            emit(kind == Kind.VARIABLE ? Kind.VARIABLE : Kind.DOT, start, input.substring(start, pos));
            return true;
        }
        while (pos < input.length() && isAlphaNumeric(input.codePointAt(pos))) {
            pos += Character.charCount(input.codePointAt(pos));
        }
        if (!atTerminator()) {
            return error(pos, "bad character " + Quote.codePoint(input.codePointAt(pos)));
        }
        emit(kind, start, input.substring(start, pos));
        return true;
    }

    private boolean lexNumber() {
        if (!scanNumber()) {
            return error(start, "bad number syntax: " + Quote.string(input.substring(start, pos)));
        }
        if (pos < input.length() && (input.charAt(pos) == '+' || input.charAt(pos) == '-')) {
            if (!scanNumber() || input.charAt(pos - 1) != 'i') {
                return error(start, "bad number syntax: " + Quote.string(input.substring(start, pos)));
            }
            emit(Kind.COMPLEX, start, input.substring(start, pos));
            return true;
        }
        emit(Kind.NUMBER, start, input.substring(start, pos));
        return true;
    }

    private boolean scanNumber() {
        accept("+-");
        String digits = "0123456789_";
        if (accept("0")) {
            if (accept("xX")) {
                digits = "0123456789abcdefABCDEF_";
            } else if (accept("oO")) {
                digits = "01234567_";
            } else if (accept("bB")) {
                digits = "01_";
            }
        }
        acceptRun(digits);
        if (accept(".")) {
            acceptRun(digits);
        }
        if (digits.length() == 11 && accept("eE")) {
            accept("+-");
            acceptRun("0123456789_");
        }
        if (digits.length() == 23 && accept("pP")) {
            accept("+-");
            acceptRun("0123456789_");
        }
        accept("i");
        if (pos < input.length() && isAlphaNumeric(input.codePointAt(pos))) {
            pos += Character.charCount(input.codePointAt(pos));
            return false;
        }
        return true;
    }

    /** A quoted string, raw string or character constant; the opening quote has been read. */
    private boolean lexQuote(char quote, Kind kind, String unterminated) {
        while (pos < input.length()) {
            char c = input.charAt(pos++);
            if (c == quote) {
                emit(kind, start, input.substring(start, pos));
                return true;
            }
            if (quote != '`' && c == '\n') {
                break;
            }
            if (quote != '`' && c == '\\') {
                if (pos >= input.length() || input.charAt(pos) == '\n') {
                    break;
                }
                pos++;
            }
        }
        return error(start, unterminated);
    }

    private boolean atTerminator() {
        if (pos >= input.length()) {
            return true;
        }
        char r = input.charAt(pos);
        return isSpace(r) || ".,|:()".indexOf(r) >= 0 || input.startsWith("}}", pos);
    }

    private boolean accept(String valid) {
        if (pos < input.length() && valid.indexOf(input.charAt(pos)) >= 0) {
            pos++;
            return true;
        }
        return false;
    }

    private void acceptRun(String valid) {
        while (accept(valid)) {
            // absorb
        }
    }

    private void emit(Kind kind, int at, String val) {
        tokens.add(new Token(kind, at, val));
    }

    private boolean error(int at, String message) {
        emit(Kind.ERROR, at, message);
        return false;
    }

    private static boolean isSpace(int r) {
        return Lexer.isSpace(r);
    }

    private static boolean isDigit(int r) {
        return r >= '0' && r <= '9';
    }

    static boolean isAlphaNumeric(int r) {
        return r == '_' || Character.isLetter(r) || Character.isDigit(r);
    }
}
