package io.metalboot.router.openwrt;

import io.metalboot.router.openwrt.UciLexer.LexError;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code uci batch} on one package in memory (cli.c {@code uci_batch}): after every command cli.c
 * unloads the package, and the next command loads it again from the file and the saved deltas
 * (delta.c {@code uci_load_delta}). So each command sees the previous one's deltas replayed, not
 * its in-memory result: a delta that {@code uci_parse_delta_tuple} refuses (a rename to an invalid
 * name, a section named {@code @type[n]}, {@code add_list} without an option) is lost at once.
 */
final class UciBatch {
    private UciBatch() {
    }

    static UciResult run(UciConfig start, String script) {
        UciConfig config = start;
        List<String> stdout = new ArrayList<>();
        List<String> stderr = new ArrayList<>();
        UciLexer lexer = new UciLexer(script);
        while (!lexer.atEnd()) {
            List<String> words;
            try {
                words = lexer.nextCommand().stream().map(UciLexer.Word::text).toList();
            } catch (LexError e) {
                stderr.add("uci: Parse error (" + e.getMessage() + ") at line " + e.line + ", byte " + e.column);
                break;
            }
            List<String> arguments = words.contains("") ? words.subList(0, words.indexOf("")) : words;
            if (arguments.isEmpty()) {
                continue;
            }
            if (arguments.get(0).equalsIgnoreCase("exit")) {
                break;
            }
            UciResult result = new UciCommands(config, UciShow.DEFAULT_DELIMITER).run(arguments, true);
            config = reload(config, result.deltas());
            stdout.addAll(result.stdout());
            stderr.addAll(result.stderr());
        }
        return new UciResult(config, stdout, stderr, 0);
    }

    /** The package as the next load sees it: each delta written as its line, read back and applied, or skipped. */
    static UciConfig reload(UciConfig before, List<UciDelta> deltas) {
        UciConfig config = before;
        for (UciDelta delta : deltas) {
            Optional<UciDelta> read = UciDelta.parse(config.packageName(), delta.line(config.packageName()));
            if (read.isPresent()) {
                config = config.apply(read.get()).orElse(config);
            }
        }
        return config;
    }
}
