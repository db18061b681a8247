package io.metalboot.sim.openwrt;

import io.metalboot.router.Ipv4Address;
import io.metalboot.router.Ipv4Subnet;
import io.metalboot.router.openwrt.OpenWrtHost;
import io.metalboot.router.openwrt.UciConfig;
import io.metalboot.router.openwrt.UciException;
import io.metalboot.router.openwrt.UciSection;
import io.metalboot.sim.fs.RouterFs;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the dnsmasq init script learns from the rest of the router: netifd's interfaces (from the
 * committed {@code /etc/config/network}: device, protocol, static address with netmask or prefix),
 * the host name ({@code system.@system[0].hostname}), and which of the files it tests exist.
 */
final class OpenwrtHostProbe {
    private OpenwrtHostProbe() {
    }

    static OpenWrtHost probe(RouterFs fs, UciConfig dhcp) {
        Map<String, OpenWrtHost.Interface> interfaces = new HashMap<>();
        for (UciSection section : read(fs, "network").map(c -> c.sections("interface")).orElse(java.util.List.of())) {
            String device = section.get("device").or(() -> section.get("ifname")).orElse(section.name());
            String proto = section.get("proto").orElse("none");
            Optional<Ipv4Subnet> address = proto.equals("static") ? address(section) : Optional.empty();
            interfaces.put(section.name(), new OpenWrtHost.Interface(device, proto, address));
        }
        String hostname = read(fs, "system").flatMap(c -> c.sections("system").stream().findFirst())
                .flatMap(s -> s.get("hostname")).orElse("OpenWrt");
        Set<String> files = new HashSet<>();
        OpenWrtHost.STOCK_FILES.stream().filter(fs::exists).forEach(files::add);
        dhcp.sections("dnsmasq").stream().map(s -> "/etc/dnsmasq." + s.name() + ".conf").filter(fs::exists).forEach(files::add);
        return new OpenWrtHost(interfaces, hostname, OpenWrtHost.STOCK_COMPILE_OPTIONS, files, true, false, Set.of());
    }

    private static Optional<UciConfig> read(RouterFs fs, String name) {
        try {
            String path = "/etc/config/" + name;
            return fs.exists(path) ? Optional.of(UciConfig.parseImport(Optional.of(name), fs.read(path)).get(0)) : Optional.empty();
        } catch (IOException | UciException e) {
            return Optional.empty(); // netifd would keep its old state; the sim has none, so the interface is unknown
        }
    }

    /** {@code ipaddr '192.168.1.1'} with {@code netmask '255.255.255.0'}, or {@code ipaddr '192.168.1.1/24'}. */
    private static Optional<Ipv4Subnet> address(UciSection section) {
        Optional<String> ipaddr = section.list("ipaddr").stream().findFirst();
        if (ipaddr.isEmpty()) {
            return Optional.empty();
        }
        if (ipaddr.get().contains("/")) {
            return Ipv4Subnet.tryParse(ipaddr.get());
        }
        Optional<Ipv4Address> mask = section.get("netmask").flatMap(Ipv4Address::tryParse);
        int prefix = mask.map(m -> Integer.bitCount(m.bits())).orElse(32);
        return Ipv4Address.tryParse(ipaddr.get()).map(address -> new Ipv4Subnet(address, prefix));
    }
}
