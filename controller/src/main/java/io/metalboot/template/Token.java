package io.metalboot.template;

/** One lexical item of a template; {@code pos} is the offset of its first character in the source. */
record Token(Kind kind, int pos, String val) {

    enum Kind {
        ERROR, BOOL, CHAR, CHAR_CONSTANT, COMPLEX, ASSIGN, DECLARE, EOF, FIELD, IDENTIFIER,
        LEFT_DELIM, LEFT_PAREN, NUMBER, PIPE, RAW_STRING, RIGHT_DELIM, RIGHT_PAREN, SPACE,
        STRING, TEXT, VARIABLE,
        // keywords, in Go's order after its itemKeyword marker
        BLOCK, BREAK, CONTINUE, DOT, DEFINE, ELSE, END, IF, NIL, RANGE, TEMPLATE, WITH;

        boolean isKeyword() {
            return ordinal() >= BLOCK.ordinal();
        }
    }

    /** How Go's parser names a token in "unexpected …" messages. */
    String describe() {
        if (kind == Kind.EOF) {
            return "EOF";
        }
        if (kind == Kind.ERROR) {
            return val;
        }
        if (kind.isKeyword()) {
            return "<" + val + ">";
        }
        if (val.codePointCount(0, val.length()) > 10) {
            return Quote.string(val.substring(0, val.offsetByCodePoints(0, 10))) + "...";
        }
        return Quote.string(val);
    }
}
