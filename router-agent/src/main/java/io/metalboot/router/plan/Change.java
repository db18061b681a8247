package io.metalboot.router.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of a plan: what happens to one entry or setting, with short human-readable before and
 * after texts ({@code 192.168.1.201 00:00:00:00:00:01}, {@code 43200}). {@code scope} says where on
 * the router it happens ({@code shared-network-name LAN subnet 192.168.1.0/24}, {@code dhcp.lan}).
 */
public record Change(Type type, EntryKind entry, String key, Optional<String> before, Optional<String> after, String scope) {

    /** What happens; {@link #ADOPT} never changes the router, it only records ownership. */
    public enum Type {
        ADD("+"), CHANGE("~"), DELETE("-"), ADOPT("=");

        private final String symbol;

        Type(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    public Change {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(scope, "scope");
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("a change needs the key of its entry");
        }
        boolean needsBefore = type == Type.CHANGE || type == Type.DELETE;
        boolean needsAfter = type != Type.DELETE;
        if (before.isPresent() != needsBefore || after.isPresent() != needsAfter) {
            throw new IllegalArgumentException(type + " " + key + ": before/after do not fit the change type");
        }
    }

    public static Change add(EntryKind entry, String key, String after, String scope) {
        return new Change(Type.ADD, entry, key, Optional.empty(), Optional.of(after), scope);
    }

    public static Change change(EntryKind entry, String key, String before, String after, String scope) {
        return new Change(Type.CHANGE, entry, key, Optional.of(before), Optional.of(after), scope);
    }

    public static Change delete(EntryKind entry, String key, String before, String scope) {
        return new Change(Type.DELETE, entry, key, Optional.of(before), Optional.empty(), scope);
    }

    public static Change adopt(EntryKind entry, String key, String now, String scope) {
        return new Change(Type.ADOPT, entry, key, Optional.empty(), Optional.of(now), scope);
    }

    /**
     * The diff line: {@code + static-mapping kube-master 192.168.1.201 00:00:00:00:00:01},
     * {@code ~ lease 43200 -> 86400}, {@code - static-mapping old …}; settings carry no label.
     */
    public String line() {
        List<String> parts = new ArrayList<>();
        parts.add(type.symbol);
        if (entry != EntryKind.SETTING) {
            parts.add(entry.label());
        }
        parts.add(key);
        switch (type) {
            case ADD -> parts.add(after.orElseThrow());
            case DELETE -> parts.add(before.orElseThrow());
            case CHANGE -> parts.add(before.orElseThrow() + " -> " + after.orElseThrow());
            case ADOPT -> parts.add(after.orElseThrow() + " (adopted: already as the inventory wants, owned by metalboot from now on)");
        }
        return String.join(" ", parts.stream().filter(part -> !part.isEmpty()).toList());
    }
}
