package io.metalboot.router.openwrt;

import io.metalboot.router.openwrt.UciLexer.LexError;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One staged change, as delta.c keeps it in the save directory ({@code /tmp/.uci/dhcp}): a command
 * character ({@code +} add, {@code -} remove, none for a change, {@code @} rename, {@code ^} reorder,
 * {@code |} add_list, {@code ~} del_list), the section by its real name ({@code cfg05fe63}, never
 * {@code @host[0]}), the option and the value. {@link #line} is what {@code uci_save} appends,
 * {@link #change} what {@code uci changes} prints.
 */
public record UciDelta(Op op, String section, Optional<String> option, Optional<String> value) {

    /** delta.c's {@code uci_command_char}. */
    public enum Op {
        ADD("+"), REMOVE("-"), CHANGE(""), RENAME("@"), REORDER("^"), LIST_ADD("|"), LIST_DEL("~");

        private final String prefix;

        Op(String prefix) {
            this.prefix = prefix;
        }
    }

    public UciDelta {
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(option, "option");
        Objects.requireNonNull(value, "value");
        if (op != Op.REMOVE && value.isEmpty()) {
            throw new IllegalArgumentException("a '" + op + "' delta needs a value (only a removal may go without)");
        }
    }

    static UciDelta of(Op op, String section, Optional<String> option, String value) {
        return new UciDelta(op, section, option, Optional.of(value));
    }

    /**
     * Reads one line of a delta file the way {@code uci_parse_delta_tuple} does; empty when uci would
     * skip the line: more than one word, a bad tuple, an {@code @type[n]} section, a missing value, a
     * reorder of an option, a rename to an invalid name, a list change without option, or a line for
     * another package.
     */
    public static Optional<UciDelta> parse(String packageName, String line) {
        List<UciLexer.Word> words;
        try {
            words = new UciLexer(line).nextCommand();
        } catch (LexError e) {
            return Optional.empty();
        }
        if (words.size() != 1) {
            return Optional.empty();
        }
        String arg = words.get(0).text();
        Op op = Op.CHANGE;
        for (Op candidate : Op.values()) {
            if (!candidate.prefix.isEmpty() && arg.startsWith(candidate.prefix)) {
                op = candidate;
                arg = arg.substring(1);
                break;
            }
        }
        UciPointer.Parsed parsed = UciPointer.parse(arg);
        if (parsed.pointer().isEmpty()) {
            return Optional.empty();
        }
        UciPointer pointer = parsed.pointer().get();
        boolean valid = pointer.packageName().equals(packageName) && pointer.sectionRef().isPresent()
                && !pointer.extended() && (op == Op.REMOVE || pointer.value().isPresent())
                && switch (op) {
                    case REORDER -> pointer.option().isEmpty();
                    case RENAME -> UciNames.isName(pointer.value().orElseThrow());
                    case LIST_ADD, LIST_DEL -> pointer.option().isPresent();
                    default -> true;
                };
        return valid ? Optional.of(new UciDelta(op, pointer.sectionRef().get(), pointer.option(), pointer.value()))
                : Optional.empty();
    }

    /** The line {@code uci_save} writes: {@code +dhcp.cfg05fe63='host'}, {@code -dhcp.lan.start}. */
    public String line(String packageName) {
        StringBuilder out = new StringBuilder(op.prefix).append(path(packageName));
        value.ifPresent(v -> out.append('=').append(UciNames.quote(v)));
        return out.toString();
    }

    /** The line {@code uci changes} prints: {@code dhcp.cfg05fe63='host'}, {@code -dhcp.lan.start}, {@code dhcp.lan.x+='a'}. */
    public String change(String packageName) {
        if (op == Op.REMOVE) {
            return "-" + path(packageName);
        }
        String assign = switch (op) {
            case LIST_ADD -> "+=";
            case LIST_DEL -> "-=";
            default -> "=";
        };
        return path(packageName) + assign + UciNames.quote(value.orElseThrow());
    }

    private String path(String packageName) {
        return packageName + "." + section + option.map(o -> "." + o).orElse("");
    }
}
