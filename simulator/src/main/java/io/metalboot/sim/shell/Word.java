package io.metalboot.sim.shell;

import java.util.List;
import java.util.Optional;

/** A shell word as parsed: literal text, quoted or not, and the expansions inside it. */
record Word(List<Part> parts, String raw) {
    Word {
        parts = List.copyOf(parts);
    }

    static Word literal(String text, boolean quoted) {
        return new Word(List.of(new Lit(text, quoted)), text);
    }

    sealed interface Part permits Lit, Param, CmdSub, Arith {
        /** Inside double quotes (or a here-doc): no field splitting, no globbing. */
        boolean quoted();
    }

    /** Literal text; {@code quoted} when it came from quotes or a backslash escape. */
    record Lit(String text, boolean quoted) implements Part {
    }

    /** {@code $NAME}, {@code ${NAME}}, {@code ${NAME:-arg}} …; op is "", "len", ":-", "-", ":=", "=", ":+", "+", ":?", "?", "%", "%%", "#", "##". */
    record Param(String name, String op, Optional<Word> arg, boolean quoted) implements Part {
    }

    /** {@code $(…)} or a backtick substitution, kept as source text and parsed when run. */
    record CmdSub(String source, boolean quoted) implements Part {
    }

    /** {@code $((…))}: the expression text, expanded and evaluated when run. */
    record Arith(String expression, boolean quoted) implements Part {
    }

    /** The text if this word is one unquoted literal (a candidate reserved word or name). */
    Optional<String> plainText() {
        if (parts.size() == 1 && parts.get(0) instanceof Lit lit && !lit.quoted()) {
            return Optional.of(lit.text());
        }
        return Optional.empty();
    }

    boolean anyQuoted() {
        return parts.stream().anyMatch(p -> p instanceof Lit lit ? lit.quoted() : p.quoted());
    }
}
