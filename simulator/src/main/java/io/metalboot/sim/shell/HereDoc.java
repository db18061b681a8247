package io.metalboot.sim.shell;

/**
 * A here-document: registered when the parser reads {@code <<DELIM}, its body filled in when the
 * lexer reaches the end of that line (the body follows the command line, as in every sh).
 */
final class HereDoc {
    final String delimiter;
    final boolean expand;
    final boolean stripTabs;
    private volatile Word body = Word.literal("", true);

    HereDoc(String delimiter, boolean expand, boolean stripTabs) {
        this.delimiter = delimiter;
        this.expand = expand;
        this.stripTabs = stripTabs;
    }

    void body(Word word) {
        this.body = word;
    }

    Word body() {
        return body;
    }
}
