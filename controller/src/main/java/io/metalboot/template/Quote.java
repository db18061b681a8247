package io.metalboot.template;

/** Go's {@code strconv.Quote} family, used by {@code %q} and by error messages. */
final class Quote {
    private Quote() {
    }

    /** strconv.Quote: a double-quoted Go string literal; printable characters stay as they are. */
    static String string(String s) {
        return quote(s, '"', false);
    }

    /** strconv.QuoteToASCII: like {@link #string} but every non-ASCII character is escaped. */
    static String ascii(String s) {
        return quote(s, '"', true);
    }

    /** strconv.QuoteRune (or QuoteRuneToASCII): a single-quoted Go character literal. */
    static String rune(int r, boolean asciiOnly) {
        if (r < 0 || r > Character.MAX_CODE_POINT || (r >= 0xD800 && r <= 0xDFFF)) {
            r = 0xFFFD;
        }
        return quote(new String(Character.toChars(r)), '\'', asciiOnly);
    }

    /** fmt's {@code %#U}: "U+0041 'A'", or just "U+0007" for a character that does not print. */
    static String codePoint(int r) {
        String hex = String.format("U+%04X", r);
        return isPrint(r) ? hex + " '" + new String(Character.toChars(r)) + "'" : hex;
    }

    /** strconv.CanBackquote: the string can be written as a raw `…` literal. */
    static boolean canBackquote(String s) {
        for (int i = 0; i < s.length(); ) {
            int r = s.codePointAt(i);
            i += Character.charCount(r);
            if (r == '`' || r == 0xFEFF || r == 0xFFFD || (r < ' ' && r != '\t') || r == 0x7f) {
                return false;
            }
        }
        return true;
    }

    /** unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space. */
    static boolean isPrint(int r) {
        if (r == ' ') {
            return true;
        }
        return switch (Character.getType(r)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                 Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.NON_SPACING_MARK,
                 Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK, Character.DECIMAL_DIGIT_NUMBER,
                 Character.LETTER_NUMBER, Character.OTHER_NUMBER, Character.CONNECTOR_PUNCTUATION,
                 Character.DASH_PUNCTUATION, Character.START_PUNCTUATION, Character.END_PUNCTUATION,
                 Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                 Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL,
                 Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL -> true;
            default -> false;
        };
    }

    private static String quote(String s, char q, boolean asciiOnly) {
        StringBuilder b = new StringBuilder(s.length() + 2).append(q);
        for (int i = 0; i < s.length(); ) {
            int r = s.codePointAt(i);
            i += Character.charCount(r);
            if (r == q || r == '\\') {
                b.append('\\').appendCodePoint(r);
            } else if (asciiOnly ? r < 0x80 && isPrint(r) : isPrint(r)) {
                b.appendCodePoint(r);
            } else {
                escape(b, r);
            }
        }
        return b.append(q).toString();
    }

    private static void escape(StringBuilder b, int r) {
        switch (r) {
            case 0x07 -> b.append("\\a");
            case '\b' -> b.append("\\b");
            case '\f' -> b.append("\\f");
            case '\n' -> b.append("\\n");
            case '\r' -> b.append("\\r");
            case '\t' -> b.append("\\t");
            case 0x0B -> b.append("\\v");
            default -> {
                if (r >= 0xD800 && r <= 0xDFFF) {
                    b.append("\\ufffd");
                } else if (r < ' ' || r == 0x7f) {
                    b.append(String.format("\\x%02x", r));
                } else if (r < 0x10000) {
                    b.append(String.format("\\u%04x", r));
                } else {
                    b.append(String.format("\\U%08x", r));
                }
            }
        }
    }
}
