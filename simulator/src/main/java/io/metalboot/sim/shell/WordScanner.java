package io.metalboot.sim.shell;

import io.metalboot.sim.shell.Word.Arith;
import io.metalboot.sim.shell.Word.CmdSub;
import io.metalboot.sim.shell.Word.Lit;
import io.metalboot.sim.shell.Word.Param;
import io.metalboot.sim.shell.Word.Part;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Scans one word: quotes, backslashes, {@code $…} expansions and backticks. */
final class WordScanner {
    private static final String META = " \t\n;&|()<>";
    private final Source src;

    WordScanner(Source src) {
        this.src = src;
    }

    static boolean isMeta(int c) {
        return c >= 0 && META.indexOf(c) >= 0;
    }

    /** An unquoted word, up to the next unquoted metacharacter. */
    Word word() {
        int start = src.pos;
        List<Part> parts = new ArrayList<>();
        StringBuilder lit = new StringBuilder();
        while (!src.eof() && !isMeta(src.peek())) {
            int c = src.next();
            switch (c) {
                case '\\' -> {
                    if (src.peek() == '\n') {
                        src.next();
                    } else if (src.eof()) {
                        lit.append('\\');
                    } else {
                        flush(parts, lit, false);
                        parts.add(new Lit(String.valueOf((char) src.next()), true));
                    }
                }
                case '\'' -> {
                    flush(parts, lit, false);
                    int end = src.text.indexOf('\'', src.pos);
                    if (end < 0) {
                        src.pos = src.text.length();
                        throw new SyntaxError(SyntaxError.Kind.UNTERMINATED_QUOTE, "'", Optional.empty());
                    }
                    parts.add(new Lit(src.text.substring(src.pos, end), true));
                    src.pos = end + 1;
                }
                case '"' -> {
                    flush(parts, lit, false);
                    int before = parts.size();
                    quoted(parts, true);
                    if (parts.size() == before) {
                        parts.add(new Lit("", true));
                    }
                }
                case '$' -> {
                    flush(parts, lit, false);
                    dollar(parts, false);
                }
                case '`' -> {
                    flush(parts, lit, false);
                    backtick(parts, false);
                }
                default -> lit.append((char) c);
            }
        }
        flush(parts, lit, false);
        return new Word(parts, src.text.substring(start, src.pos));
    }

    /** A here-document body: {@code $}, backticks and {@code \$ \` \\ \newline} only; quotes are plain text. */
    Word hereDoc() {
        List<Part> parts = new ArrayList<>();
        quoted(parts, false);
        return new Word(parts, src.text);
    }

    /** Inside "…" ({@code dq}) or a here-doc body (until the end of the source). */
    private void quoted(List<Part> parts, boolean dq) {
        StringBuilder lit = new StringBuilder();
        while (true) {
            int c = src.next();
            if (c < 0) {
                if (dq) {
                    throw new SyntaxError(SyntaxError.Kind.UNTERMINATED_QUOTE, "\"", Optional.empty());
                }
                break;
            }
            if (c == '"' && dq) {
                break;
            }
            if (c == '\\') {
                int n = src.peek();
                if (n == '$' || n == '`' || n == '\\' || (dq && n == '"')) {
                    lit.append((char) src.next());
                } else if (n == '\n') {
                    src.next();
                } else {
                    lit.append('\\');
                }
            } else if (c == '$') {
                flush(parts, lit, true);
                dollar(parts, true);
            } else if (c == '`') {
                flush(parts, lit, true);
                backtick(parts, true);
            } else {
                lit.append((char) c);
            }
        }
        flush(parts, lit, true);
    }

    private static void flush(List<Part> parts, StringBuilder lit, boolean quoted) {
        if (!lit.isEmpty()) {
            parts.add(new Lit(lit.toString(), quoted));
            lit.setLength(0);
        }
    }

    private void dollar(List<Part> parts, boolean quoted) {
        int c = src.peek();
        if (c == '{') {
            src.next();
            parts.add(brace(quoted));
        } else if (c == '(' && src.peek(1) == '(') {
            src.pos += 2;
            parts.add(new Arith(Substitutions.arithmetic(src), quoted));
        } else if (c == '(') {
            src.next();
            parts.add(new CmdSub(Substitutions.parenBody(src), quoted));
        } else if (c >= 0 && "?$!#@*-0123456789".indexOf(c) >= 0) {
            src.next();
            parts.add(new Param(String.valueOf((char) c), "", Optional.empty(), quoted));
        } else if (isNameStart(c)) {
            parts.add(new Param(name(), "", Optional.empty(), quoted));
        } else {
            parts.add(new Lit("$", quoted));
        }
    }

    static boolean isNameStart(int c) {
        return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isNameChar(int c) {
        return isNameStart(c) || (c >= '0' && c <= '9');
    }

    private String name() {
        int start = src.pos;
        while (isNameChar(src.peek())) {
            src.next();
        }
        return src.text.substring(start, src.pos);
    }

    private Param brace(boolean quoted) {
        boolean length = src.peek() == '#' && src.peek(1) != '}';
        if (length) {
            src.next();
        }
        String name;
        int c = src.peek();
        if (isNameStart(c)) {
            name = name();
        } else if (c >= '0' && c <= '9') {
            int start = src.pos;
            while (src.peek() >= '0' && src.peek() <= '9') {
                src.next();
            }
            name = src.text.substring(start, src.pos);
        } else if (c >= 0 && "?$!#@*-".indexOf(c) >= 0) {
            name = String.valueOf((char) src.next());
        } else if (c < 0) {
            throw new SyntaxError(SyntaxError.Kind.MISSING_BRACE, "}", Optional.empty());
        } else {
            throw new SyntaxError(SyntaxError.Kind.BAD_SUBSTITUTION, "${", Optional.empty());
        }
        if (src.peek() == '}') {
            src.next();
            return new Param(name, length ? "len" : "", Optional.empty(), quoted);
        }
        if (length) {
            throw new SyntaxError(SyntaxError.Kind.BAD_SUBSTITUTION, "${#", Optional.empty());
        }
        String op = operator();
        // inside "…", the pattern of ${x#p} ${x##p} ${x%p} ${x%%p} still matches: the quotes around the whole do not quote it (POSIX 2.6.2)
        boolean pattern = op.startsWith("#") || op.startsWith("%");
        return new Param(name, op, Optional.of(braceArgument(quoted, quoted && !pattern)), quoted);
    }

    private String operator() {
        int c = src.next();
        if (c == ':' && src.peek() >= 0 && "-=+?".indexOf(src.peek()) >= 0) {
            return ":" + (char) src.next();
        }
        if (c >= 0 && "-=+?".indexOf(c) >= 0) {
            return String.valueOf((char) c);
        }
        if (c == '%' || c == '#') {
            if (src.peek() == c) {
                src.next();
                return "" + (char) c + (char) c;
            }
            return String.valueOf((char) c);
        }
        if (c < 0) {
            throw new SyntaxError(SyntaxError.Kind.MISSING_BRACE, "}", Optional.empty());
        }
        throw new SyntaxError(SyntaxError.Kind.BAD_SUBSTITUTION, "${", Optional.empty());
    }

    /** The word after a {@code ${NAME op} operator, up to the closing brace. */
    private Word braceArgument(boolean inDoubleQuotes, boolean quoted) {
        int start = src.pos;
        List<Part> parts = new ArrayList<>();
        StringBuilder lit = new StringBuilder();
        while (true) {
            int c = src.next();
            if (c < 0) {
                throw new SyntaxError(SyntaxError.Kind.MISSING_BRACE, "}", Optional.empty());
            }
            if (c == '}') {
                break;
            }
            if (c == '\\' && !src.eof()) {
                flush(parts, lit, quoted);
                parts.add(new Lit(String.valueOf((char) src.next()), true));
            } else if (c == '\'' && !inDoubleQuotes) {
                flush(parts, lit, quoted);
                int end = src.text.indexOf('\'', src.pos);
                if (end < 0) {
                    throw new SyntaxError(SyntaxError.Kind.UNTERMINATED_QUOTE, "'", Optional.empty());
                }
                parts.add(new Lit(src.text.substring(src.pos, end), true));
                src.pos = end + 1;
            } else if (c == '"') {
                flush(parts, lit, quoted);
                quoted(parts, true);
            } else if (c == '$') {
                flush(parts, lit, quoted);
                dollar(parts, quoted);
            } else if (c == '`') {
                flush(parts, lit, quoted);
                backtick(parts, quoted);
            } else {
                lit.append((char) c);
            }
        }
        flush(parts, lit, quoted);
        return new Word(parts, src.text.substring(start, src.pos - 1));
    }

    private void backtick(List<Part> parts, boolean quoted) {
        parts.add(new CmdSub(Substitutions.backtick(src, quoted), quoted));
    }
}
