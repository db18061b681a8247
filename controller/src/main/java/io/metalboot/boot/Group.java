package io.metalboot.boot;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A matchbox group ({@code groups/*.json}): machines whose labels match every selector get the
 * profile; its metadata is the templates' data. {@code file} names it in messages.
 */
public record Group(String id, String name, String profile, SortedMap<String, String> selector, Map<String, Object> metadata,
        Path file) {
    public Group {
        selector = Collections.unmodifiableSortedMap(new TreeMap<>(selector));
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /** Whether every selector equals the label of the same name. */
    public boolean matches(Labels labels) {
        return selector.entrySet().stream().allMatch(s -> s.getValue().equals(labels.values().get(s.getKey())));
    }
}
