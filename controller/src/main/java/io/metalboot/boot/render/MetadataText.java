package io.metalboot.boot.render;

import io.metalboot.boot.select.Match;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** matchbox's {@code /metadata}: the template data flattened to sorted {@code KEY=value} lines, nested keys joined by {@code _}. */
public final class MetadataText {
    private MetadataText() {
    }

    public static String of(Match m) {
        TreeMap<String, String> flat = new TreeMap<>();
        flatten("", m.templateData(), flat);
        StringBuilder s = new StringBuilder();
        flat.forEach((k, v) -> s.append(k).append('=').append(v).append('\n'));
        return s.toString();
    }

    private static void flatten(String prefix, Object value, Map<String, String> out) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> flatten(prefix.isEmpty() ? k.toString().toUpperCase() : prefix + "_" + k.toString().toUpperCase(), v, out));
        } else if (value instanceof List<?> list) {
            out.put(prefix, String.join(",", list.stream().map(String::valueOf).toList()));
        } else {
            out.put(prefix, String.valueOf(value));
        }
    }
}
