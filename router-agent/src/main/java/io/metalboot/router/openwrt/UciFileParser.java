package io.metalboot.router.openwrt;

import io.metalboot.router.openwrt.UciLexer.LexError;
import io.metalboot.router.openwrt.UciLexer.Word;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads {@code /etc/config/<pkg>} and {@code uci export} text as file.c does: {@code package},
 * {@code config TYPE [NAME]}, {@code option NAME [VALUE]}, {@code list NAME VALUE} (also the
 * one-letter forms). A repeated named section continues the first one; an option given twice keeps
 * the last value in the first one's place (list.c uci_set); an option without a value removes it; anonymous sections
 * are named from a counter and the hash of their type at the moment they are opened.
 */
final class UciFileParser {
    /** What a {@code package} line does: rename the one package, be ignored (import with a name), or start the next package. */
    enum Mode { OVERRIDE, SINGLE, MULTI }

    private final String source;
    private final Mode mode;
    private final List<UciConfig> finished = new ArrayList<>();
    private List<UciSection> sections = new ArrayList<>();
    private Optional<String> packageName;
    private int counter;
    private int current = -1;
    private int commandEnd;

    private UciFileParser(Optional<String> packageName, String source, Mode mode) {
        this.packageName = packageName;
        this.source = source;
        this.mode = mode;
    }

    static UciConfig parse(String packageName, String text, String source) {
        return parse(Optional.of(packageName), text, source, Mode.OVERRIDE).get(0);
    }

    /** {@code uci_import}: with a name, one package whatever the file says; without, one per {@code package} line. */
    static List<UciConfig> parse(Optional<String> packageName, String text, String source, Mode mode) {
        UciFileParser parser = new UciFileParser(packageName, source, mode);
        UciLexer lexer = new UciLexer(text);
        try {
            while (!lexer.atEnd()) {
                List<Word> words = lexer.nextCommand();
                if (!words.isEmpty()) {
                    parser.commandEnd = lexer.commandEnd();
                    parser.command(words);
                }
            }
        } catch (LexError e) {
            throw parser.error(e.getMessage(), e.line, e.column);
        }
        parser.finish();
        return List.copyOf(parser.finished);
    }

    private void finish() {
        packageName.ifPresent(name -> finished.add(new UciConfig(name, sections, counter)));
    }

    private void command(List<Word> words) {
        Word first = words.get(0);
        String command = first.text();
        switch (command) {
            case "p", "package" -> {
                Word name = argument(words, 1, first);
                arguments(words, 2);
                switchPackage(name);
            }
            case "c", "config" -> {
                if (packageName.isEmpty()) {
                    throw error("attempting to import a file without a package name", first);
                }
                Word type = argument(words, 1, first);
                if (!UciNames.isType(type.text())) {
                    throw errorAfter("invalid character in type field", type);
                }
                Optional<Word> name = optional(words, 2);
                arguments(words, 3);
                openSection(type.text(), name);
            }
            case "o", "option", "l", "list" -> {
                if (current < 0) {
                    throw error("option/list command found before the first section", first);
                }
                Word name = argument(words, 1, first);
                if (!UciNames.isName(name.text())) {
                    throw errorAfter("invalid character in name field", name);
                }
                String value = optional(words, 2).map(Word::text).orElse("");
                arguments(words, 3);
                UciSection section = sections.get(current);
                sections.set(current, command.startsWith("l")
                        ? UciEdits.addList(section, name.text(), value)
                        : UciEdits.set(section, name.text(), value));
            }
            default -> throw error("invalid command", first);
        }
    }

    private void switchPackage(Word word) {
        String name = word.text();
        if (!name.matches("[A-Za-z0-9_-]+")) {
            throw errorAfter("invalid character in name field", word);
        }
        if (mode == Mode.OVERRIDE) {
            packageName = Optional.of(name);
        } else if (mode == Mode.MULTI) {
            finish();
            if (finished.stream().anyMatch(config -> config.packageName().equals(name))) {
                throw new UciException(source, "uci: Duplicate entry");
            }
            packageName = Optional.of(name);
            sections = new ArrayList<>();
            counter = 0;
            current = -1;
        }
    }

    private void openSection(String type, Optional<Word> name) {
        if (name.isEmpty()) {
            counter++;
            sections.add(new UciSection(type, UciNames.anonymousName(counter, type), true, List.of()));
            current = sections.size() - 1;
            return;
        }
        if (!UciNames.isName(name.get().text())) {
            throw errorAfter("invalid character in name field", name.get());
        }
        for (int i = 0; i < sections.size(); i++) {
            UciSection existing = sections.get(i);
            if (existing.name().equals(name.get().text())) {
                if (!existing.type().equals(type)) {
                    throw error("section of different type overwrites prior section with same name", name.get().line(), commandEnd);
                }
                current = i;
                return;
            }
        }
        counter++;
        sections.add(new UciSection(type, name.get().text(), false, List.of()));
        current = sections.size() - 1;
    }

    private Word argument(List<Word> words, int index, Word command) {
        return optional(words, index).orElseThrow(() -> error("insufficient arguments", command.line(), commandEnd));
    }

    /** The word at {@code index}; an empty word counts as absent, as in uci's next_arg. */
    private static Optional<Word> optional(List<Word> words, int index) {
        return index < words.size() && !words.get(index).text().isEmpty() ? Optional.of(words.get(index)) : Optional.empty();
    }

    private void arguments(List<Word> words, int max) {
        if (words.size() > max && !words.get(max).text().isEmpty()) {
            throw errorAfter("too many arguments", words.get(max));
        }
    }

    /** An error file.c raises before reading on: at the word's first byte. */
    private UciException error(String reason, Word word) {
        return error(reason, word.line(), word.column());
    }

    /** An error file.c raises after reading the word: past it and one blank. */
    private UciException errorAfter(String reason, Word word) {
        return error(reason, word.line(), word.end());
    }

    private UciException error(String reason, int line, int column) {
        return new UciException(source, "uci: Parse error (" + reason + ") at line " + line + ", byte " + column);
    }
}
