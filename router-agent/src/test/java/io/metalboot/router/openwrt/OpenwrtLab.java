package io.metalboot.router.openwrt;

import io.metalboot.router.plan.Ownership;
import io.metalboot.router.plan.Plan;
import io.metalboot.router.plan.RouterKind;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A small OpenWrt lab for planner tests: the stock dhcp with the user's hosts, and hand-written desired sections. */
final class OpenwrtLab {
    record Machine(String name, String ip, String mac) {
        String section() {
            return "mb_" + name.replace('-', '_');
        }
    }

    static final List<Machine> SEED = List.of(new Machine("kube-master", "192.168.1.201", "00:00:00:00:00:01"),
            new Machine("kube-worker-1", "192.168.1.211", "00:00:00:00:00:11"),
            new Machine("kube-worker-2", "192.168.1.212", "00:00:00:00:00:12"),
            new Machine("node00", "192.168.1.250", "00:00:00:00:00:00"));

    private OpenwrtLab() {
    }

    /** Stock dhcp, pool start 100 limit 100, the user's printer, nas and livingroom-tv as anonymous hosts. */
    static UciConfig factory() {
        StringBuilder script = new StringBuilder("set dhcp.lan.limit='100'\n");
        for (String[] host : new String[][] {{"printer", "00:1b:a9:4c:21:07", "192.168.1.20"},
                {"nas", "00:11:32:8e:5a:10", "192.168.1.30"}, {"livingroom-tv", "a8:23:fe:19:6b:42", "192.168.1.40"}}) {
            script.append("add dhcp host\nset dhcp.@host[-1].name='").append(host[0]).append("'\nset dhcp.@host[-1].dns='1'\n")
                    .append("set dhcp.@host[-1].mac='").append(host[1]).append("'\nset dhcp.@host[-1].ip='").append(host[2]).append("'\n");
        }
        return UciConfig.parse("dhcp", Stock.DHCP.batch(script.toString()).config().fileContent());
    }

    static OpenwrtDesired desired(List<Machine> machines, String leasetime) {
        StringBuilder text = new StringBuilder("package dhcp\n\nconfig dhcp 'lan'\n\toption start '100'\n\toption limit '100'\n\toption leasetime '")
                .append(leasetime).append("'\n\tlist dhcp_option '3,192.168.1.1'\n\tlist dhcp_option '6,192.168.1.1'\n");
        for (Machine m : machines) {
            text.append("\nconfig host '").append(m.section()).append("'\n\toption name '").append(m.name())
                    .append("'\n\toption mac '").append(m.mac()).append("'\n\toption ip '").append(m.ip()).append("'\n");
        }
        text.append("\nconfig match 'mb_bios'\n\toption networkid 'bios'\n\toption match 'option:client-arch,0'\n")
                .append("\nconfig userclass 'mb_ipxe'\n\toption networkid 'ipxe'\n\toption userclass 'iPXE'\n")
                .append("\nconfig boot 'mb_boot_bios'\n\toption networkid 'bios'\n\toption filename 'undionly.kpxe'\n")
                .append("\nconfig boot 'mb_boot_ipxe'\n\toption networkid 'ipxe'\n\toption filename 'http://192.168.1.250/boot.ipxe'\n");
        return new OpenwrtDesired(UciConfig.parse("dhcp", text.toString()), Map.of());
    }

    static OpenwrtLive live(UciConfig committed, List<String> staged, Ownership ownership) {
        return new OpenwrtLive(Optional.of(committed.fileContent()), committed, committed, staged, Map.of(), ownership,
                List.of(77), Optional.empty(), io.metalboot.router.plan.TransactionRecords.none());
    }

    static OpenwrtLive stock() {
        return live(factory(), List.of(), Ownership.none(RouterKind.OPENWRT));
    }

    /** The router after {@code uci batch} of the plan and {@code uci commit dhcp}, with the state file written. */
    static OpenwrtLive applied(OpenwrtLive live, Plan plan) {
        UciResult result = live.committed().batch(String.join("\n", plan.commands()) + "\n");
        if (!result.stderr().isEmpty()) {
            throw new AssertionError("uci batch failed: " + result.stderr());
        }
        UciConfig committed = UciConfig.parse("dhcp", result.config().fileContent());
        return live(committed, List.of(), plan.ownershipAfter());
    }
}
