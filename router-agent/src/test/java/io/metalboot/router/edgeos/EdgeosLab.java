package io.metalboot.router.edgeos;

import io.metalboot.router.plan.Ownership;
import io.metalboot.router.plan.Plan;
import io.metalboot.router.plan.RouterKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A small EdgeOS lab for planner tests: the factory router (LAN, printer, nas) and hand-written desired trees. */
final class EdgeosLab {
    static final String SUBNET = "service dhcp-server shared-network-name LAN subnet 192.168.1.0/24 ";
    static final String GREEN = "/config/scripts/ipxe-green.conf";
    static final String SPACE = "/config/scripts/ipxe-option-space.conf";

    record Machine(String name, String ip, String mac) {
    }

    static final List<Machine> SEED = List.of(new Machine("kube-master", "192.168.1.201", "00:00:00:00:00:01"),
            new Machine("kube-worker-1", "192.168.1.211", "00:00:00:00:00:11"),
            new Machine("kube-worker-2", "192.168.1.212", "00:00:00:00:00:12"),
            new Machine("node00", "192.168.1.250", "00:00:00:00:00:00"));

    private EdgeosLab() {
    }

    /** The factory router's active tree: eth1 192.168.1.1/24, LAN with pool .100-.199 and the user's printer and nas. */
    static ConfigTree factory() {
        return ConfigTree.fromCommands(List.of(
                "set interfaces ethernet eth1 address 192.168.1.1/24",
                "set service dhcp-server disabled false",
                "set service dhcp-server hostfile-update disable",
                "set service dhcp-server shared-network-name LAN authoritative enable",
                "set " + SUBNET + "default-router 192.168.1.1",
                "set " + SUBNET + "dns-server 192.168.1.1",
                "set " + SUBNET + "lease 86400",
                "set " + SUBNET + "start 192.168.1.100 stop 192.168.1.199",
                "set " + SUBNET + "static-mapping printer ip-address 192.168.1.20",
                "set " + SUBNET + "static-mapping printer mac-address 3c:2a:f4:5e:8b:10",
                "set " + SUBNET + "static-mapping nas ip-address 192.168.1.30",
                "set " + SUBNET + "static-mapping nas mac-address 00:11:32:6a:4c:2e"));
    }

    /** Desired commands like the bundled template's, under shared network dhcp1, with a pool and lease. */
    static List<String> desiredCommands(List<Machine> machines, String pool, int lease) {
        String dhcp = "set service dhcp-server ";
        String subnet = dhcp + "shared-network-name dhcp1 subnet 192.168.1.0/24 ";
        List<String> lines = new ArrayList<>(List.of(dhcp + "disabled false",
                dhcp + "global-parameters 'deny bootp;'",
                dhcp + "global-parameters 'include &quot;" + SPACE + "&quot;;'",
                dhcp + "hostfile-update disable",
                dhcp + "shared-network-name dhcp1 authoritative enable",
                subnet + "default-router 192.168.1.1",
                subnet + "dns-server 192.168.1.1",
                subnet + "lease " + lease,
                subnet + "start " + pool.replace("-", " stop ")));
        for (Machine m : machines) {
            lines.add(subnet + "static-mapping " + m.name() + " ip-address " + m.ip());
            lines.add(subnet + "static-mapping " + m.name() + " mac-address " + m.mac());
        }
        lines.add(subnet + "subnet-parameters 'include &quot;" + GREEN + "&quot;;'");
        lines.add(subnet + "tftp-server-name 192.168.1.250");
        return lines;
    }

    static EdgeosDesired desired(List<Machine> machines) {
        return desired(machines, "192.168.1.100-192.168.1.199", 86400);
    }

    static EdgeosDesired desired(List<Machine> machines, String pool, int lease) {
        return new EdgeosDesired(ConfigTree.fromCommands(desiredCommands(machines, pool, lease)),
                Map.of(SPACE, "option space ipxe;\n", GREEN, "next-server 192.168.1.250;\n"));
    }

    static EdgeosLive live(ConfigTree active, Map<String, Optional<String>> files, Ownership ownership) {
        return new EdgeosLive(Optional.of(active.toBoot()), active, active, files, ownership, List.of(4242), Optional.empty(),
                io.metalboot.router.plan.TransactionRecords.none());
    }

    static EdgeosLive stock() {
        return live(factory(), Map.of(SPACE, Optional.empty(), GREEN, Optional.empty()), Ownership.none(RouterKind.EDGEOS));
    }

    /** The router after the plan ran: commands committed, files written or removed, state file written. */
    static EdgeosLive applied(EdgeosLive live, Plan plan) {
        ConfigTree after = live.active().applyAll(plan.commands());
        Map<String, Optional<String>> files = new TreeMap<>(live.files());
        plan.uploads().forEach((path, content) -> files.put(path, Optional.of(content)));
        plan.fileDeletions().forEach(path -> files.put(path, Optional.empty()));
        return live(after, files, plan.ownershipAfter());
    }
}
