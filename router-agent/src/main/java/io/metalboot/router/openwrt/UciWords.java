package io.metalboot.router.openwrt;

import io.metalboot.router.openwrt.UciLexer.LexError;
import java.util.List;

/**
 * How {@code uci batch} reads its input (cli.c {@code uci_batch_cmd} over file.c's
 * {@code uci_parse_argument}): one command per line, shell-like quoting, a quote or a trailing
 * backslash pulling in the next line, {@code #} starting a comment and {@code ;} ending the command
 * (the rest of that line is dropped).
 */
public final class UciWords {
    private UciWords() {
    }

    /** True when uci would read another line before this command ends: an open quote or a trailing backslash. */
    public static boolean incomplete(String text) {
        try {
            new UciLexer(text).nextCommand();
        } catch (LexError e) {
            return true;
        }
        String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        int backslashes = 0;
        while (backslashes < body.length() && body.charAt(body.length() - 1 - backslashes) == '\\') {
            backslashes++;
        }
        return text.endsWith("\n") && backslashes % 2 == 1;
    }

    /**
     * The words of the first command in {@code text}; an empty word ({@code ''}) ends it, as in cli.c.
     * A quote left open at the end throws {@link UciException} with uci's parse error, its line
     * counted on from {@code linesBefore} (the lines uci's parser had read before this command).
     */
    public static List<String> firstCommand(String text, int linesBefore) {
        try {
            List<String> words = new UciLexer(text).nextCommand().stream().map(UciLexer.Word::text).toList();
            return words.contains("") ? words.subList(0, words.indexOf("")) : words;
        } catch (LexError e) {
            throw new UciException("uci batch",
                    "uci: Parse error (" + e.getMessage() + ") at line " + (linesBefore + e.line) + ", byte " + e.column);
        }
    }
}
