package io.metalboot.boot.events;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every machine the page and {@code metalboot machines} show: the inventory's (seen or not) and at most
 * {@link #MAX_OTHERS} others, the one seen longest ago making room. Each has its stages with their times (the last
 * {@link #MAX_STAMPS}) and what its firmware said about itself.
 */
public final class Board {
    /** A machine of the inventory. */
    public record Known(String mac, String name, String ip, String role) {
    }

    /** A stage and when it was reached. */
    public record Stamp(String stage, Instant time) {
    }

    /** One machine as shown: empty {@code stage} when never seen. */
    public record Row(String mac, Optional<Known> known, String client, String stage, Optional<Instant> time, Optional<Instant> firstSeen,
            List<Stamp> stages, Map<String, String> details, boolean discovered) {
        public Row {
            stages = List.copyOf(stages);
            details = java.util.Collections.unmodifiableMap(new TreeMap<>(details));
        }
    }

    static final int MAX_OTHERS = 1024;
    static final int MAX_STAMPS = 12;
    static final int MAX_DETAILS = 16;
    private final Map<String, Known> known;
    private final Map<String, Row> seenKnown = new HashMap<>();
    private final Map<String, Row> others = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Row> eldest) {
            return size() > MAX_OTHERS;
        }
    };

    public Board(List<Known> known) {
        Map<String, Known> byMac = new HashMap<>();
        known.forEach(k -> byMac.put(k.mac(), k));
        this.known = Map.copyOf(byMac);
    }

    /** Adds {@code e} to its machine; returns the machine as it now is. */
    public synchronized Row apply(BootEvent e) {
        Map<String, Row> into = known.containsKey(e.mac()) ? seenKnown : others;
        Row old = into.get(e.mac());
        List<Stamp> stamps = new ArrayList<>(old == null ? List.of() : old.stages());
        stamps.add(new Stamp(e.stage(), e.time()));
        if (stamps.size() > MAX_STAMPS) {
            stamps.subList(0, stamps.size() - MAX_STAMPS).clear();
        }
        Map<String, String> details = new TreeMap<>(old == null ? Map.of() : old.details());
        e.details().forEach((k, v) -> {
            if ((details.containsKey(k) || details.size() < MAX_DETAILS) && !v.isEmpty()) {
                details.put(k, v);
            }
        });
        boolean discovered = (old != null && old.discovered()) || e.stage().equals("discovered");
        Row row = new Row(e.mac(), Optional.ofNullable(known.get(e.mac())), e.client(), e.stage(), Optional.of(e.time()),
                old == null ? Optional.of(e.time()) : old.firstSeen(), stamps, details, discovered);
        into.put(e.mac(), row);
        return row;
    }

    /** Every machine, the most recently active first; the inventory's machines never seen last, by name. */
    public synchronized List<Row> all() {
        List<Row> out = new ArrayList<>(seenKnown.values());
        out.addAll(others.values());
        for (Known k : known.values()) {
            if (!seenKnown.containsKey(k.mac())) {
                out.add(new Row(k.mac(), Optional.of(k), "", "", Optional.empty(), Optional.empty(), List.of(), Map.of(), false));
            }
        }
        out.sort(Comparator.comparing((Row r) -> r.time().orElse(Instant.EPOCH)).reversed()
                .thenComparing(r -> r.known().map(Known::name).orElse(r.mac())));
        return out;
    }
}
