package io.metalboot.router.openwrt;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code uci show} prints (cli.c {@code uci_show_package}, {@code uci_show_section},
 * {@code uci_show_option}): every value quoted, list items joined by the {@code -d} delimiter
 * (a space by default), anonymous sections as {@code @type[index]} unless {@code -X}.
 */
final class UciShow {
    static final String DEFAULT_DELIMITER = " ";

    private final UciConfig config;
    private final String delimiter;

    UciShow(UciConfig config, String delimiter) {
        this.config = config;
        this.delimiter = delimiter;
    }

    String packageText(boolean extended) {
        StringBuilder out = new StringBuilder();
        Map<String, Integer> indexByType = new HashMap<>();
        for (UciSection section : config.sections()) {
            int index = indexByType.merge(section.type(), 1, Integer::sum) - 1;
            String ref = extended && section.anonymous() ? "@" + section.type() + "[" + index + "]" : section.name();
            out.append(section(section, ref));
        }
        return out.toString();
    }

    String section(UciSection section, String ref) {
        StringBuilder out = new StringBuilder();
        out.append(config.packageName()).append('.').append(ref).append('=').append(section.type()).append('\n');
        for (UciSection.Entry entry : section.options()) {
            out.append(option(ref, entry));
        }
        return out.toString();
    }

    String option(String ref, UciSection.Entry entry) {
        List<String> quoted = entry.value().items().stream().map(UciNames::quote).toList();
        return config.packageName() + "." + ref + "." + entry.name() + "=" + String.join(delimiter, quoted) + "\n";
    }

    /**
     * cli.c {@code uci_show_value} unquoted, as {@code uci get} prints it: a string as it is, list
     * items joined by the delimiter, an item with a blank (space, tab, CR, LF) quoted.
     */
    String value(UciValue value) {
        return switch (value) {
            case UciValue.StringValue string -> string.value();
            case UciValue.ListValue list -> String.join(delimiter, list.items().stream()
                    .map(item -> item.matches("(?s).*[ \t\r\n].*") ? UciNames.quote(item) : item).toList());
        };
    }
}
