package io.metalboot.sim;

import io.metalboot.router.plan.RouterKind;
import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;

/**
 * A lab big enough for a benchmark: the example lab moved from 192.168.1.0/24 to 10.0.0.0/16 with
 * {@code mappings} machines (node00, the boot server, and generated {@code m0001}…), pods in
 * {@link #POD_CIDR} (a /24 per node), and a router whose factory LAN is moved the same way.
 */
public final class BenchLab {
    /** Room for 16,384 nodes' pod ranges, apart from the LAN and the example's service range. */
    static final String POD_CIDR = "100.64.0.0/10";
    private BenchLab() {
    }

    /** The inventory text (router section still the example's; see {@link LabInventory#pointedAt}). */
    public static String inventory(int mappings) throws IOException {
        if (mappings < 2 || mappings > 16_000) {
            throw new IllegalArgumentException("a bench lab has 2 to 16000 machines, not " + mappings);
        }
        String example = LabInventory.example();
        String lab = widen(example).replaceFirst("(?m)^(  podCidr: )\\S+", "$1" + POD_CIDR);
        if (!lab.contains("podCidr: " + POD_CIDR)) {
            throw new IllegalStateException("the example lab has no 'kubernetes.podCidr' to widen");
        }
        StringBuilder machines = new StringBuilder("machines:\n");
        machines.append("  - name: node00\n    mac: 00:00:00:00:00:00\n    ip: 10.0.0.250\n    role: none\n");
        for (int i = 1; i < mappings; i++) {
            machines.append("  - name: m").append(String.format("%04d", i)).append('\n')
                    .append("    mac: 02:00:00:00:").append(String.format("%02x:%02x", i >> 8, i & 0xff)).append('\n')
                    .append("    ip: 10.0.").append(1 + i / 250).append('.').append(1 + i % 250).append('\n')
                    .append("    role: ").append(i == 1 ? "master" : "worker").append('\n');
        }
        String out = lab.replaceFirst("(?s)machines:\n.*?\n(?=os:)", Matcher.quoteReplacement(machines + "\n"));
        if (out.equals(lab)) {
            throw new IllegalStateException("the example lab has no 'machines:' section before 'os:' to replace");
        }
        return out;
    }

    /** Moves a stopped router's factory LAN to 10.0.0.0/16 (start it once first, so its files exist). */
    public static void widenRouter(SimulatedRouter stopped) throws IOException {
        List<String> files = stopped.kind() == RouterKind.EDGEOS ? List.of("/config/config.boot")
                : List.of("/etc/config/network", "/etc/config/dhcp");
        for (String path : files) {
            String text = stopped.fs().read(path);
            stopped.fs().write(path, widen(text).replace("'255.255.255.0'", "'255.255.0.0'"));
        }
    }

    private static String widen(String text) {
        return text.replace("192.168.1.0/24", "10.0.0.0/16").replace("192.168.1.1/24", "10.0.0.1/16").replace("192.168.1.", "10.0.0.");
    }
}
