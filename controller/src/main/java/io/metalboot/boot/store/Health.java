package io.metalboot.boot.store;

import java.util.List;

/**
 * What {@code /healthz} says: {@code ok} when the store is current, {@code ok} with notes when a change
 * was refused (the last good data serves), {@code degraded} when this server cannot reach its store or
 * its own files differ from what was pushed (it still serves, but may not be what the operator expects).
 */
public record Health(boolean degraded, List<String> notes) {
    public static final Health OK = new Health(false, List.of());

    public Health {
        notes = List.copyOf(notes);
    }

    /** The {@code /healthz} text. */
    public String text() {
        return (degraded ? "degraded" : "ok") + (notes.isEmpty() ? "" : " (serving the last good data; " + String.join("; ", notes) + ")")
                + "\n";
    }

    public Health and(Health other) {
        List<String> all = new java.util.ArrayList<>(notes);
        all.addAll(other.notes);
        return new Health(degraded || other.degraded, all);
    }
}
