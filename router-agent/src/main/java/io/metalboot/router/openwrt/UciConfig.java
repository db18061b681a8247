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

    /**
     * Reads {@code uci import} input as file.c's {@code uci_import} does: with a name, one package of
     * that name ({@code package} lines are ignored; this is also how {@code /etc/config/<name>} is
     * loaded); without, one package per {@code package} line. Throws {@link UciException} with uci's
     * parse error, or {@code uci: Duplicate entry} for a package given twice.
     */
    public static List<UciConfig> parseImport(Optional<String> packageName, String text) {
        return UciFileParser.parse(packageName, text, packageName.map(name -> "/etc/config/" + name).orElse("uci import"),
                packageName.isPresent() ? UciFileParser.Mode.SINGLE : UciFileParser.Mode.MULTI);
    }

    /**
     * The package a command argument ({@code dhcp.@host[0].ip=1.2.3.4}) names, as
     * {@code uci_parse_ptr} splits it; empty when uci rejects the argument with
     * {@code uci: Parse error} before loading anything.
     */
    public static Optional<String> packageOf(String tuple) {
        UciPointer.Parsed parsed = UciPointer.parse(tuple);
        if (parsed.failure().filter(failure -> failure == UciPointer.Failure.PARSE).isPresent()) {
            return Optional.empty();
        }
        String path = tuple.contains("=") ? tuple.substring(0, tuple.indexOf('=')) : tuple;
        return Optional.of(path.split("\\.", -1)[0]);
    }

    /** What {@code uci export <pkg>} prints: the {@code package} line, then the file content. */
    public String export() {
        return export(false);
    }

    /** {@code uci export}; {@code nameAnonymous} ({@code uci -n export}) writes {@code cfg…} names too. */
    public String export(boolean nameAnonymous) {
        return "package " + escape(packageName) + "\n" + fileContent(nameAnonymous);
    }

    /** What {@code uci commit} writes to {@code /etc/config/<pkg>} (export without the package line). */
    public String fileContent() {
        return fileContent(false);
    }

    private String fileContent(boolean nameAnonymous) {
        StringBuilder out = new StringBuilder();
        for (UciSection section : sections) {
            out.append("\nconfig ").append(escape(section.type()));
            if (!section.anonymous() || nameAnonymous) {
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
        return new UciShow(this, UciShow.DEFAULT_DELIMITER).packageText(extended);
    }

    /** Runs one uci command line without the leading {@code uci}: {@code set dhcp.lan.start='100'}, {@code add dhcp host} … */
    public UciResult run(String commandLine) {
        try {
            List<String> words = new UciLexer(commandLine).nextCommand().stream().map(UciLexer.Word::text).toList();
            return new UciCommands(this, UciShow.DEFAULT_DELIMITER).run(words, false);
        } catch (LexError e) {
            return new UciResult(this, List.of(), List.of("uci: Parse error (" + e.getMessage() + ")"), 1);
        }
    }

    /**
     * One command of the uci command line on this package, its arguments as the shell passed them
     * ({@code ["set", "dhcp.lan.start=100"]}): the result carries the deltas uci would save. A
     * wrong argument count or unknown command is status 255 with no message (cli.c leaves the usage
     * to its caller). {@code extendedShow} is false for {@code uci -X}.
     */
    public UciResult command(List<String> words, boolean extendedShow) {
        return command(words, extendedShow, UciShow.DEFAULT_DELIMITER);
    }

    /** {@link #command(List, boolean)} with {@code uci -d DELIMITER}: list items joined by it in {@code get} and {@code show}. */
    public UciResult command(List<String> words, boolean extendedShow, String delimiter) {
        return new UciCommands(this, delimiter).command(words, extendedShow);
    }

    /** What {@code uci_lookup_ptr} makes of a tuple: the section ({@code @type[n]} resolved to its name when it exists), option and value, or uci's error line. */
    public record Lookup(Optional<String> section, Optional<String> option, Optional<String> value, Optional<String> error) {
    }

    public Lookup lookup(String tuple) {
        UciPointer.Parsed parsed = UciPointer.parse(tuple);
        Optional<String> error = parsed.failure().map(failure -> failure.message);
        if (error.isEmpty() && !parsed.pointer().orElseThrow().packageName().equals(packageName)) {
            error = Optional.of(UciPointer.Failure.NOT_FOUND.message);
        }
        if (error.isPresent()) {
            return new Lookup(Optional.empty(), Optional.empty(), Optional.empty(), error);
        }
        UciPointer pointer = parsed.pointer().orElseThrow();
        Optional<String> section = pointer.findSection(sections).map(i -> sections.get(i).name()).or(pointer::sectionRef);
        return new Lookup(section, pointer.option(), pointer.value(), Optional.empty());
    }

    /**
     * Replays one saved delta as delta.c's {@code uci_parse_delta_line} does while loading; empty when
     * uci could not apply it (its section is gone, …), in which case uci skips it silently.
     */
    public Optional<UciConfig> apply(UciDelta delta) {
        String command = switch (delta.op()) {
            case ADD, CHANGE -> "set";
            case REMOVE -> "delete";
            case RENAME -> "rename";
            case REORDER -> "reorder";
            case LIST_ADD -> "add_list";
            case LIST_DEL -> "del_list";
        };
        UciPointer pointer = new UciPointer(packageName, Optional.of(delta.section()), delta.option(), delta.value());
        UciResult result = new UciSectionCommand(this, pointer, UciShow.DEFAULT_DELIMITER).run(command);
        if (result.exitCode() != 0) {
            return Optional.empty();
        }
        UciConfig after = result.config();
        if (delta.op() == UciDelta.Op.ADD) {
            List<UciSection> marked = after.sections.stream().map(section -> section.name().equals(delta.section())
                    ? new UciSection(section.type(), section.name(), true, section.options()) : section).toList();
            after = after.withSections(marked, after.sectionCounter);
        }
        return Optional.of(after);
    }

    /**
     * {@code uci batch}: one command per line until EOF or {@code exit}; a failing command prints
     * its error and the batch goes on; the exit status is 0 regardless, as in uci. Each command
     * sees the package as uci reloads it (the saved deltas replayed), so a change uci records but
     * cannot load is lost, as on the router.
     */
    public UciResult batch(String script) {
        return UciBatch.run(this, script);
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
