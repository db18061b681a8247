package io.metalboot.sim.shell;

import java.util.Optional;

/** Finds where {@code $( … )}, {@code $(( … ))} and backtick substitutions end. */
final class Substitutions {
    private Substitutions() {
    }

    /** After {@code $(}: the text up to the matching {@code )}, skipping quoted parentheses and case patterns. */
    static String parenBody(Source src) {
        int start = src.pos;
        int depth = 1;
        while (true) {
            int c = src.next();
            switch (c) {
                case -1 -> throw SyntaxError.endOfFile(Optional.of("\")\""));
                case '\\' -> src.next();
                case '\'' -> {
                    int end = src.text.indexOf('\'', src.pos);
                    if (end < 0) {
                        throw new SyntaxError(SyntaxError.Kind.UNTERMINATED_QUOTE, "'", Optional.empty());
                    }
                    src.pos = end + 1;
                }
                case '"' -> skipDoubleQuoted(src);
                case '`' -> backtick(src, false);
                case '(' -> depth++;
                case ')' -> {
                    if (--depth == 0) {
                        String body = src.text.substring(start, src.pos - 1);
                        if (complete(body)) {
                            return body;
                        }
                        depth = 1;
                    }
                }
                default -> {
                }
            }
        }
    }

    private static void skipDoubleQuoted(Source src) {
        while (true) {
            int c = src.next();
            if (c < 0) {
                throw new SyntaxError(SyntaxError.Kind.UNTERMINATED_QUOTE, "\"", Optional.empty());
            }
            if (c == '"') {
                return;
            }
            if (c == '\\') {
                src.next();
            } else if (c == '$' && src.peek() == '(') {
                src.next();
                parenBody(src);
            } else if (c == '`') {
                backtick(src, true);
            }
        }
    }

    /** Whether {@code body} parses on its own: a {@code )} inside it may close a case pattern, not the substitution. */
    private static boolean complete(String body) {
        try {
            Parser.parseAll(body, true);
            return true;
        } catch (SyntaxError e) {
            return !(e.kind == SyntaxError.Kind.END_OF_FILE || e.token.equals(";;") || e.token.equals("esac"));
        }
    }

    /** After {@code $((}: the expression up to the matching {@code ))}. */
    static String arithmetic(Source src) {
        int start = src.pos;
        int depth = 0;
        while (true) {
            int c = src.next();
            if (c < 0) {
                throw SyntaxError.endOfFile(Optional.of("\"))\""));
            }
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                if (depth == 0 && src.peek() == ')') {
                    src.next();
                    return src.text.substring(start, src.pos - 2);
                }
                depth--;
            }
        }
    }

    /** After a backtick: the command up to the closing one, with {@code \$ \` \\} (and {@code \"} in quotes) unescaped. */
    static String backtick(Source src, boolean quoted) {
        StringBuilder body = new StringBuilder();
        while (true) {
            int c = src.next();
            if (c < 0) {
                throw new SyntaxError(SyntaxError.Kind.UNTERMINATED_QUOTE, "`", Optional.empty());
            }
            if (c == '`') {
                return body.toString();
            }
            if (c == '\\') {
                int n = src.peek();
                if (n == '$' || n == '`' || n == '\\' || (quoted && n == '"')) {
                    body.append((char) src.next());
                    continue;
                }
            }
            body.append((char) c);
        }
    }
}
