package io.metalboot.boot;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Boot progress per machine: each request is an event for a MAC (from its labels, or for assets
 * from the client's address, through the inventory's fixed addresses or the MAC last seen from that
 * address). Stages in boot order: ipxe, kernel, initrd, ignition, installed. Progress is what clients
 * claim, not proof: any client can name any MAC. Bounded: every inventory machine, plus at most
 * {@link #MAX_UNKNOWN} other MACs (and as many learned addresses), the least recently seen evicted.
 */
public final class Progress {
    /** One machine's latest stage, and every stage it went through, in order, each once. */
    public record Status(String mac, String ip, String stage, Instant time, Optional<String> name, List<String> stages, String replica) {
        public Status {
            stages = List.copyOf(stages);
        }
    }

    /** Machines not in the inventory kept at most; the one seen longest ago makes room for a new one. */
    public static final int MAX_UNKNOWN = 256;
    private final Map<String, Status> known = new HashMap<>();
    private final Map<String, Status> unknown = lru(MAX_UNKNOWN);
    private final Map<String, String> inventoryIps;
    private final Map<String, String> learnedIps = lru(MAX_UNKNOWN);
    private final Map<String, String> names;
    private final Clock clock;
    private final String replica;
    /** MACs seen since the last {@link #drain()}, for a store shared with other servers; bounded by the maps above. */
    private final Set<String> dirty = new LinkedHashSet<>();
    private volatile Map<String, Status> shared = Map.of();

    /** {@code inventory}: MAC by fixed IP; {@code names}: machine name by MAC (the machines always kept). */
    public Progress(Map<String, String> inventory, Map<String, String> names, Clock clock) {
        this(inventory, names, clock, "");
    }

    /** As above, for a server named {@code replica} among several sharing one store. */
    public Progress(Map<String, String> inventory, Map<String, String> names, Clock clock, String replica) {
        this.inventoryIps = Map.copyOf(inventory);
        this.names = Map.copyOf(names);
        this.clock = clock;
        this.replica = replica;
    }

    private static <V> Map<String, V> lru(int max) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > max;
            }
        };
    }

    /** What a client claims: {@code mac} reached {@code stage}. Nothing proves it; anyone who can reach the server can say so. */
    public void seen(String mac, String ip, String stage) {
        seen(mac, ip, stage, clock.instant());
    }

    /** As {@link #seen(String, String, String)}, at {@code time} (an event replayed from the boot history). */
    public synchronized void seen(String mac, String ip, String stage, Instant time) {
        if (!inventoryIps.containsKey(ip)) {
            learnedIps.put(ip, mac); // the latest: a DHCP address passes from machine to machine
        }
        Map<String, Status> into = names.containsKey(mac) ? known : unknown;
        Status old = into.get(mac);
        List<String> stages = new ArrayList<>(old == null ? List.of() : old.stages());
        if (!stages.contains(stage)) {
            stages.add(stage);
        }
        into.put(mac, new Status(mac, ip, stage, time, Optional.ofNullable(names.get(mac)), stages, replica));
        dirty.add(mac);
        if (dirty.size() > MAX_UNKNOWN + names.size()) {
            dirty.removeIf(m -> !known.containsKey(m) && !unknown.containsKey(m)); // evicted before they were written
        }
    }

    /** The machines seen since the last call, to write to the shared store; {@link #requeue} them if that fails. */
    public synchronized List<Status> drain() {
        List<Status> out = new ArrayList<>();
        for (String mac : dirty) {
            Status s = known.containsKey(mac) ? known.get(mac) : unknown.get(mac);
            if (s != null) {
                out.add(s);
            }
        }
        dirty.clear();
        return out;
    }

    /** Marks {@code statuses} as not written yet (the store was unreachable): the next {@link #drain} returns them again. */
    public synchronized void requeue(List<Status> statuses) {
        statuses.forEach(s -> {
            if (known.containsKey(s.mac()) || unknown.containsKey(s.mac())) {
                dirty.add(s.mac());
            }
        });
    }

    /** Marks every machine as not written (a new lease: everything must be written again). */
    public synchronized void requeueAll() {
        dirty.addAll(known.keySet());
        dirty.addAll(unknown.keySet());
    }

    /** How many machines wait to be written. */
    public synchronized int pending() {
        return dirty.size();
    }

    /** What every server sharing the store reported, by MAC; {@link #all()} shows the latest of these and this server's own. */
    public void shared(Map<String, Status> statuses) {
        this.shared = Map.copyOf(statuses);
    }

    /** The MAC of the machine at {@code ip}: the inventory's, or the last one seen from there. */
    public synchronized Optional<String> macAt(String ip) {
        return Optional.ofNullable(inventoryIps.getOrDefault(ip, learnedIps.get(ip)));
    }

    /** An event from a client known only by address; ignored when the address is unknown. */
    public void seenAt(String ip, String stage) {
        String mac;
        synchronized (this) {
            mac = inventoryIps.getOrDefault(ip, learnedIps.get(ip));
        }
        if (mac != null) {
            seen(mac, ip, stage);
        }
    }

    /** Inventory machines that were seen, then at most {@link #MAX_UNKNOWN} others, sorted by MAC. */
    public synchronized List<Status> all() {
        Map<String, Status> all = new HashMap<>(shared);
        for (Status s : known.values()) {
            all.merge(s.mac(), s, Progress::later);
        }
        for (Status s : unknown.values()) {
            all.merge(s.mac(), s, Progress::later);
        }
        List<Status> out = new ArrayList<>(all.values());
        out.sort(Comparator.comparing(Status::mac));
        return out;
    }

    private static Status later(Status a, Status b) {
        return b.time().isAfter(a.time()) ? b : a;
    }
}
