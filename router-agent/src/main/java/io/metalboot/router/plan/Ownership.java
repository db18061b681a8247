package io.metalboot.router.plan;

import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Which entries metalboot manages on one router, as recorded in the router's state file
 * ({@link RouterKind#stateFile()}): EdgeOS static-mapping names, raw global/subnet parameter values
 * and include files; OpenWrt uci section names and snippet files; plus the last applied revision.
 * A router without the file owns nothing ({@link #none}).
 */
public record Ownership(RouterKind router, Map<EntryKind, SortedSet<String>> owned, Optional<LastApplied> lastApplied) {
    /** The state file format this metalboot reads and writes. */
    public static final int FORMAT = 1;
    public static final String TOOL = "metalboot";

    /** The revision that was last applied (its id in the local revision store) and when. */
    public record LastApplied(String revision, Instant time) {
        public LastApplied {
            Objects.requireNonNull(time, "time");
            if (revision == null || revision.isBlank()) {
                throw new IllegalArgumentException("a revision id cannot be blank");
            }
        }
    }

    public Ownership {
        Objects.requireNonNull(router, "router");
        Objects.requireNonNull(lastApplied, "lastApplied");
        EnumMap<EntryKind, SortedSet<String>> copy = new EnumMap<>(EntryKind.class);
        for (EntryKind kind : router.ownable()) {
            copy.put(kind, Collections.unmodifiableSortedSet(new TreeSet<>(owned.getOrDefault(kind, new TreeSet<>()))));
        }
        for (EntryKind kind : owned.keySet()) {
            if (!router.ownable().contains(kind) && !owned.get(kind).isEmpty()) {
                throw new IllegalArgumentException("a " + router.label() + " router has no " + kind.label() + " entries to own");
            }
        }
        owned = Collections.unmodifiableMap(copy);
    }

    /** Nothing owned: a router metalboot never applied to, or whose state file is missing. */
    public static Ownership none(RouterKind router) {
        return new Ownership(router, Map.of(), Optional.empty());
    }

    /** The owned keys of one kind (empty for kinds this router cannot own). */
    public SortedSet<String> owned(EntryKind kind) {
        return owned.getOrDefault(kind, Collections.emptySortedSet());
    }

    public boolean owns(EntryKind kind, String key) {
        return owned(kind).contains(key);
    }

    /** This ownership with the keys of {@code kind} replaced. */
    public Ownership withOwned(EntryKind kind, Collection<String> keys) {
        EnumMap<EntryKind, SortedSet<String>> copy = new EnumMap<>(owned);
        copy.put(kind, new TreeSet<>(keys));
        return new Ownership(router, copy, lastApplied);
    }

    public Ownership withLastApplied(String revision, Instant time) {
        return new Ownership(router, owned, Optional.of(new LastApplied(revision, time)));
    }

    /** Whether both own the same entries (the last applied revision aside). */
    public boolean sameEntries(Ownership other) {
        return router == other.router && owned.equals(other.owned);
    }

    /**
     * Reads a state file; {@code source} names it in errors ({@code /config/metalboot/state.json}).
     * Throws {@link io.metalboot.router.RouterAgentException} naming the file, the field and the value.
     */
    public static Ownership parse(String json, String source, RouterKind expected) {
        return OwnershipJson.read(json, source, expected);
    }

    /** The state file: pretty JSON, keys in a fixed order, owned keys sorted, newline at the end. */
    public String toJson() {
        return OwnershipJson.write(this);
    }
}
