package io.metalboot.boot;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Boot progress per machine: each request is an event for a MAC (from its labels, or for assets
 * from the client's address, through the inventory's fixed addresses or the MAC last seen from that
 * address). Stages in boot order: ipxe, kernel, initrd, ignition, installed.
 */
public final class Progress {
    /** One machine's latest stage, and every stage it went through, in order, each once. */
    public record Status(String mac, String ip, String stage, Instant time, Optional<String> name, List<String> stages) {
        public Status {
            stages = List.copyOf(stages);
        }
    }

    private final Map<String, Status> byMac = new ConcurrentHashMap<>();
    private final Map<String, String> macByIp = new ConcurrentHashMap<>();
    private final Map<String, String> names;
    private final Clock clock;

    /** {@code inventory}: MAC by fixed IP; {@code names}: machine name by MAC. */
    public Progress(Map<String, String> inventory, Map<String, String> names, Clock clock) {
        this.macByIp.putAll(inventory);
        this.names = Map.copyOf(names);
        this.clock = clock;
    }

    public void seen(String mac, String ip, String stage) {
        macByIp.putIfAbsent(ip, mac);
        byMac.compute(mac, (k, old) -> {
            java.util.List<String> stages = new java.util.ArrayList<>(old == null ? List.of() : old.stages());
            if (!stages.contains(stage)) {
                stages.add(stage);
            }
            return new Status(mac, ip, stage, clock.instant(), Optional.ofNullable(names.get(mac)), stages);
        });
    }

    /** An event from a client known only by address; ignored when the address is unknown. */
    public void seenAt(String ip, String stage) {
        Optional.ofNullable(macByIp.get(ip)).ifPresent(mac -> seen(mac, ip, stage));
    }

    public List<Status> all() {
        return byMac.values().stream().sorted(java.util.Comparator.comparing(Status::mac)).toList();
    }
}
