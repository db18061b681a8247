package io.metalboot.sim.shell;

import java.util.Optional;

/**
 * A parse error. {@code incomplete} when input ended inside a construct: an interactive shell then
 * asks for a continuation line ({@code > }) instead of reporting it.
 */
final class SyntaxError extends RuntimeException {
    enum Kind { UNEXPECTED, END_OF_FILE, UNTERMINATED_QUOTE, MISSING_BRACE, BAD_FOR_VARIABLE, BAD_SUBSTITUTION }

    final Kind kind;
    /** The offending token as written ({@code fi}, {@code ;}, {@code newline}) or the quote char. */
    final String token;
    final Optional<String> expecting;

    SyntaxError(Kind kind, String token, Optional<String> expecting) {
        super(kind + " " + token + expecting.map(e -> " (expecting " + e + ")").orElse(""));
        this.kind = kind;
        this.token = token;
        this.expecting = expecting;
    }

    static SyntaxError unexpected(String token) {
        return new SyntaxError(Kind.UNEXPECTED, token, Optional.empty());
    }

    static SyntaxError endOfFile(Optional<String> expecting) {
        return new SyntaxError(Kind.END_OF_FILE, "end of file", expecting);
    }

    boolean incomplete() {
        return kind == Kind.END_OF_FILE || kind == Kind.UNTERMINATED_QUOTE || kind == Kind.MISSING_BRACE;
    }
}
