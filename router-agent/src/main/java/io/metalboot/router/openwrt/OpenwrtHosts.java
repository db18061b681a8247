package io.metalboot.router.openwrt;

import io.metalboot.router.MacAddress;
import io.metalboot.router.plan.EntryKind;
import io.metalboot.router.plan.Ownership;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Unowned {@code config host} sections that collide with a desired host by name, MAC or IP. */
final class OpenwrtHosts {
    private OpenwrtHosts() {
    }

    static List<String> collisions(UciConfig base, UciSection want, Ownership owned) {
        List<String> conflicts = new ArrayList<>();
        List<UciSection> hosts = base.sections("host");
        for (int i = 0; i < hosts.size(); i++) {
            UciSection have = hosts.get(i);
            if (have.name().equals(want.name()) || owned.owns(EntryKind.SECTION, have.name())) {
                continue;
            }
            List<String> attributes = new ArrayList<>();
            List<String> values = new ArrayList<>();
            Optional<String> wantName = want.get("name");
            if (wantName.isPresent() && have.get("name").equals(wantName)) {
                attributes.add("name");
            }
            List<MacAddress> wantMacs = macs(want);
            Optional<MacAddress> sharedMac = macs(have).stream().filter(wantMacs::contains).findFirst();
            if (sharedMac.isPresent()) {
                attributes.add("MAC");
                values.add(sharedMac.get().toString());
            }
            Optional<String> wantIp = want.get("ip");
            if (wantIp.isPresent() && have.get("ip").equals(wantIp)) {
                attributes.add("IP");
                values.add(wantIp.get());
            }
            if (attributes.isEmpty()) {
                continue;
            }
            if (values.isEmpty()) {
                values.add(want.get("mac").orElse("?"));
                values.add(wantIp.orElse("?"));
            }
            String label = have.get("name").map(name -> "'" + name + "'")
                    .orElse(have.anonymous() ? "@host[" + i + "]" : "'" + have.name() + "'");
            conflicts.add("router host " + label + " (" + have.get("mac").orElse("no MAC") + ", " + have.get("ip").orElse("no IP")
                    + ") has the " + String.join(" and ", attributes) + " of machine " + wantName.orElse(want.name())
                    + " (" + String.join(", ", values) + "); metalboot does not own it: remove or rename it on the router,"
                    + " or change the inventory");
        }
        return conflicts;
    }

    /** The MACs of a host: list items or space-separated words, any spelling. */
    private static List<MacAddress> macs(UciSection host) {
        List<MacAddress> macs = new ArrayList<>();
        for (String item : host.list("mac")) {
            for (String word : item.trim().split("\\s+")) {
                MacAddress.parse(word).ifPresent(macs::add);
            }
        }
        return macs;
    }
}
