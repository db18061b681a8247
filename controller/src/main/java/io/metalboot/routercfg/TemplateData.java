package io.metalboot.routercfg;

import io.metalboot.bootarch.BootArchs;
import io.metalboot.inventory.Inventory;
import io.metalboot.inventory.Inventory.Network;
import io.metalboot.inventory.Machine;
import io.metalboot.router.Ipv4Address;
import io.metalboot.router.edgeos.EdgeosLive;
import java.util.Map;

/**
 * The data the router templates see, derived from a validated inventory. Every key is always
 * present (absent optional values are empty strings), so a template's {@code {{with .x}}} works and
 * a typo in a key is an error, never a silent blank.
 */
public final class TemplateData {
    /** iPXE binaries served over TFTP to BIOS and UEFI firmware, and the HTTP script iPXE chains to. */
    public static final String BIOS_BINARY = "undionly.kpxe";
    public static final String EFI_BINARY = "ipxe.efi";
    public static final String SCRIPT_PATH = "/boot.ipxe";

    private TemplateData() {
    }

    public static Map<String, Object> of(Inventory inv) {
        String url = inv.bootServer().baseUrl();
        return Map.of(
                "cluster", Map.of("name", inv.cluster().name()),
                "network", network(inv.network()),
                "router", Map.of(
                        "kind", inv.router().kind().label(),
                        "address", inv.router().address(),
                        "lanInterface", inv.router().lanInterface(),
                        "globalParameters", inv.router().extraGlobalParameters(),
                        "subnetParameters", inv.router().extraSubnetParameters()),
                "bootServer", Map.of(
                        "address", inv.bootServer().address().toString(),
                        "name", inv.bootServer().machine().orElse("metalboot"),
                        "httpPort", inv.bootServer().httpPort(),
                        "url", url),
                "ipxe", Map.of("bios", BIOS_BINARY, "efi", EFI_BINARY, "scriptUrl", url + SCRIPT_PATH),
                "files", Map.of("optionSpace", EdgeosLive.OPTION_SPACE_FILE, "green", EdgeosLive.GREEN_FILE),
                "bootArchs", BootArchs.templateData(url),
                "machines", inv.machines().stream().map(TemplateData::machine).toList());
    }

    private static Map<String, Object> network(Network n) {
        return Map.ofEntries(
                Map.entry("subnet", n.subnet().toString()),
                Map.entry("network", n.subnet().network().toString()),
                Map.entry("netmask", n.subnet().netmask().toString()),
                Map.entry("prefixLength", n.subnet().prefixLength()),
                Map.entry("gateway", n.gateway().toString()),
                Map.entry("dns", n.dns().stream().map(Ipv4Address::toString).toList()),
                Map.entry("poolStart", n.pool().start().toString()),
                Map.entry("poolEnd", n.pool().end().toString()),
                Map.entry("poolOffset", n.pool().start().unsigned() - n.subnet().network().unsigned()),
                Map.entry("poolSize", n.pool().size()),
                Map.entry("leaseSeconds", n.leaseSeconds()),
                Map.entry("leaseTime", duration(n.leaseSeconds())),
                Map.entry("sharedNetwork", n.sharedNetwork()),
                Map.entry("domain", n.domain().orElse("")));
    }

    private static Map<String, Object> machine(Machine m) {
        return Map.of("name", m.name(), "mac", m.mac().toString(), "ip", m.ip().toString(), "role", m.role().label(),
                "section", uciSection(m.name()), "arch", m.arch().label());
    }

    /** The uci section metalboot owns for a machine: {@code kube-worker-1} → {@code mb_kube_worker_1}. */
    public static String uciSection(String machineName) {
        return "mb_" + machineName.replace('-', '_');
    }

    /** A lease time the way OpenWrt writes it: {@code 24h}, {@code 90m} or plain seconds. */
    static String duration(int seconds) {
        if (seconds % 3600 == 0) {
            return seconds / 3600 + "h";
        }
        return seconds % 60 == 0 ? seconds / 60 + "m" : Integer.toString(seconds);
    }
}
