package io.metalboot.router.openwrt;

import io.metalboot.router.RouterAgentException;
import io.metalboot.router.openwrt.UciLexer.LexError;
import io.metalboot.router.openwrt.UciValue.ListValue;
import io.metalboot.router.openwrt.UciValue.StringValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One uci package ({@code dhcp}, {@code network} …) as openwrt/uci holds it: ordered sections with
 * ordered options and lists. Immutable: {@link #run} and {@link #batch} return the package after the
 * command with uci's output. Reads and writes the {@code /etc/config} file format and the
 * {@code uci export} format, and prints {@code uci show} in both addressing styles. Two packages
 * are equal when name, sections and options (in order) are equal.
 */
public final class UciConfig {
    private final String packageName;
    private final List<UciSection> sections;
    private final int sectionCounter;

    UciConfig(String packageName, List<UciSection> sections, int sectionCounter) {
        if (!packageName.matches("[A-Za-z0-9_-]+")) {
            throw new RouterAgentException("'" + packageName + "' is not a uci package name (expected e.g. dhcp)");
        }
        this.packageName = packageName;
        this.sections = List.copyOf(sections);
        this.sectionCounter = sectionCounter;
    }

    /** An empty package, as {@code touch /etc/config/NAME} gives. */
    public static UciConfig empty(String packageName) {
        return new UciConfig(packageName, List.of(), 0);
    }

    /**
     * Parses {@code /etc/config/<packageName>} or {@code uci export} output (a {@code package} line
     * overrides the name). Throws {@link UciException} with uci's own parse error.
     */
    public static UciConfig parse(String packageName, String text) {
        return UciFileParser.parse(packageName, text, "/etc/config/" + packageName);
    }

    public String packageName() {
        return packageName;
    }

    public List<UciSection> sections() {
        return sections;
    }

    /** Sections of one type in order, as {@code config_foreach} visits them. */
    public List<UciSection> sections(String type) {
        return sections.stream().filter(section -> section.type().equals(type)).toList();
    }

    /** The section with that name (named, or an anonymous section's {@code cfgXXXXXX}). */
    public Optional<UciSection> section(String name) {
        return sections.stream().filter(section -> section.name().equals(name)).findFirst();
    }

    /** What {@code uci export <pkg>} prints: the {@code package} line, then the file content. */
    public String export() {
        return "package " + escape(packageName) + "\n" + fileContent();
    }

    /** What {@code uci commit} writes to {@code /etc/config/<pkg>} (export without the package line). */
    public String fileContent() {
        StringBuilder out = new StringBuilder();
        for (UciSection section : sections) {
            out.append("\nconfig ").append(escape(section.type()));
            if (!section.anonymous()) {
                out.append(" '").append(escape(section.name())).append('\'');
            }
            out.append('\n');
            for (UciSection.Entry entry : section.options()) {
                switch (entry.value()) {
                    case StringValue string -> out.append("\toption ").append(escape(entry.name()))
                            .append(" '").append(escape(string.value())).append("'\n");
                    case ListValue list -> list.items().forEach(item -> out.append("\tlist ")
                            .append(escape(entry.name())).append(" '").append(escape(item)).append("'\n"));
                }
            }
        }
        return out.append('\n').toString();
    }

    private static String escape(String text) {
        return text.replace("'", "'\\''");
    }

    /** {@code uci show <pkg>}: anonymous sections as {@code @type[index]}. */
    public String show() {
        return show(true);
    }

    /** {@code uci -X show <pkg>}: every section by its real name, {@code cfg01411c} included. */
    public String showWithSectionNames() {
        return show(false);
    }

    private String show(boolean extended) {
        StringBuilder out = new StringBuilder();
        Map<String, Integer> indexByType = new HashMap<>();
        for (UciSection section : sections) {
            int index = indexByType.merge(section.type(), 1, Integer::sum) - 1;
            String ref = extended && section.anonymous() ? "@" + section.type() + "[" + index + "]" : section.name();
            out.append(showSection(section, ref));
        }
        return out.toString();
    }

    String showSection(UciSection section, String ref) {
        StringBuilder out = new StringBuilder();
        out.append(packageName).append('.').append(ref).append('=').append(section.type()).append('\n');
        for (UciSection.Entry entry : section.options()) {
            out.append(showOption(ref, entry));
        }
        return out.toString();
    }

    String showOption(String ref, UciSection.Entry entry) {
        List<String> quoted = entry.value().items().stream().map(UciNames::quote).toList();
        return packageName + "." + ref + "." + entry.name() + "=" + String.join(" ", quoted) + "\n";
    }

    /** Runs one uci command line without the leading {@code uci}: {@code set dhcp.lan.start='100'}, {@code add dhcp host} … */
    public UciResult run(String commandLine) {
        try {
            List<String> words = new UciLexer(commandLine).nextCommand().stream().map(UciLexer.Word::text).toList();
            return new UciCommands(this).run(words, false);
        } catch (LexError e) {
            return new UciResult(this, List.of(), List.of("uci: Parse error (" + e.getMessage() + ")"), 1);
        }
    }

    /**
     * {@code uci batch}: one command per line until EOF or {@code exit}; a failing command prints
     * its error and the batch goes on; the exit status is 0 regardless, as in uci.
     */
    public UciResult batch(String script) {
        UciConfig config = this;
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
            UciResult result = new UciCommands(config).run(arguments, true);
            config = result.config();
            stdout.addAll(result.stdout());
            stderr.addAll(result.stderr());
        }
        return new UciResult(config, stdout, stderr, 0);
    }

    int sectionCounter() {
        return sectionCounter;
    }

    UciConfig withSections(List<UciSection> newSections, int newCounter) {
        return new UciConfig(packageName, newSections, newCounter);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof UciConfig config && packageName.equals(config.packageName) && sections.equals(config.sections);
    }

    @Override
    public int hashCode() {
        return Objects.hash(packageName, sections);
    }

    @Override
    public String toString() {
        return export();
    }
}
