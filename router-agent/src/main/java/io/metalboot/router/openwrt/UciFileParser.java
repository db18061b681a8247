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
 * the last value and moves to the end; an option without a value removes it; anonymous sections
 * are named from a counter and the hash of their type at the moment they are opened.
 */
final class UciFileParser {
    private final String source;
    private final List<UciSection> sections = new ArrayList<>();
    private String packageName;
    private int counter;
    private int current = -1;

    private UciFileParser(String packageName, String source) {
        this.packageName = packageName;
        this.source = source;
    }

    static UciConfig parse(String packageName, String text, String source) {
        UciFileParser parser = new UciFileParser(packageName, source);
        UciLexer lexer = new UciLexer(text);
        try {
            while (!lexer.atEnd()) {
                List<Word> words = lexer.nextCommand();
                if (!words.isEmpty()) {
                    parser.command(words);
                }
            }
        } catch (LexError e) {
            throw parser.error(e.getMessage(), e.line, e.column);
        }
        return new UciConfig(parser.packageName, parser.sections, parser.counter);
    }

    private void command(List<Word> words) {
        Word first = words.get(0);
        String command = first.text();
        switch (command) {
            case "p", "package" -> {
                Word name = argument(words, 1, first);
                arguments(words, 2);
                packageName = name.text();
            }
            case "c", "config" -> {
                Word type = argument(words, 1, first);
                if (!UciNames.isType(type.text())) {
                    throw error("invalid character in type field", type);
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
                    throw error("invalid character in name field", name);
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

    private void openSection(String type, Optional<Word> name) {
        if (name.isEmpty()) {
            counter++;
            sections.add(new UciSection(type, UciNames.anonymousName(counter, type), true, List.of()));
            current = sections.size() - 1;
            return;
        }
        if (!UciNames.isName(name.get().text())) {
            throw error("invalid character in name field", name.get());
        }
        for (int i = 0; i < sections.size(); i++) {
            UciSection existing = sections.get(i);
            if (existing.name().equals(name.get().text())) {
                if (!existing.type().equals(type)) {
                    throw error("section of different type overwrites prior section with same name", name.get());
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
        return optional(words, index).orElseThrow(() -> error("insufficient arguments", command));
    }

    /** The word at {@code index}; an empty word counts as absent, as in uci's next_arg. */
    private static Optional<Word> optional(List<Word> words, int index) {
        return index < words.size() && !words.get(index).text().isEmpty() ? Optional.of(words.get(index)) : Optional.empty();
    }

    private void arguments(List<Word> words, int max) {
        if (words.size() > max && !words.get(max).text().isEmpty()) {
            throw error("too many arguments", words.get(max));
        }
    }

    private UciException error(String reason, Word word) {
        return error(reason, word.line(), word.column());
    }

    private UciException error(String reason, int line, int column) {
        return new UciException(source, "uci: Parse error (" + reason + ") at line " + line + ", byte " + column);
    }
}
