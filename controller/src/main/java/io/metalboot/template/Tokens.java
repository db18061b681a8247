package io.metalboot.template;

import io.metalboot.template.Token.Kind;
import java.util.List;

/** The parser's view of the lexed tokens: look-ahead and backing up over a list. */
final class Tokens {
    private final List<Token> tokens;
    private int index;

    Tokens(List<Token> tokens) {
        this.tokens = tokens;
    }

    /** The next token; past the end, the last one (EOF or the lexical error) again. */
    Token next() {
        Token t = peek();
        index++;
        return t;
    }

    void backup() {
        index--;
    }

    Token peek() {
        return tokens.get(Math.min(index, tokens.size() - 1));
    }

    Token nextNonSpace() {
        Token t = next();
        while (t.kind() == Kind.SPACE) {
            t = next();
        }
        return t;
    }

    /** Skips spaces and returns the next token without consuming it. */
    Token peekNonSpace() {
        Token t = nextNonSpace();
        backup();
        return t;
    }

    int mark() {
        return index;
    }

    void reset(int mark) {
        index = mark;
    }
}
