package io.metalboot.router.openwrt;

import io.metalboot.router.Ipv4Subnet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code /etc/init.d/dnsmasq} learns from the router besides {@code /etc/config/dhcp}: the
 * logical interfaces (netifd's device, protocol and address for {@code lan}, {@code wan} …), the
 * system host name, the compile-time options {@code dnsmasq --version} reports (the script drops
 * options the binary lacks), the files it tests with {@code [ -f ]}/{@code [ -r ]}, whether odhcpd
 * is enabled, whether hotplug handlers exist, and interfaces where its udhcpc probe finds another
 * DHCP server.
 */
public record OpenWrtHost(Map<String, Interface> interfaces, String hostname, Set<String> compileOptions,
                          Set<String> existingFiles, boolean odhcpdEnabled, boolean hotplugHandlers,
                          Set<String> interfacesWithForeignDhcp) {

    /** Compile options of the default {@code dnsmasq} package of OpenWrt 23.05 (not dnsmasq-full). */
    public static final Set<String> STOCK_COMPILE_OPTIONS = Set.of("IPv6", "GNU-getopt", "UBus", "DHCP", "TFTP",
            "loop-detect", "inotify", "dumpfile");

    /** Files of a fresh 23.05 image the init script looks for. */
    public static final Set<String> STOCK_FILES = Set.of("/etc/dnsmasq.conf", "/usr/share/dnsmasq/rfc6761.conf",
            "/usr/share/dnsmasq/dhcpbogushostname.conf");

    /** A logical interface as netifd reports it ({@code network_get_device}, {@code _protocol}, {@code _subnet}). */
    public record Interface(String device, String proto, Optional<Ipv4Subnet> address) {
        /** A statically addressed interface, e.g. {@code lan} on {@code br-lan} with 192.168.1.1/24. */
        public static Interface staticAddress(String device, String cidr) {
            return new Interface(device, "static", Optional.of(Ipv4Subnet.parse(cidr)));
        }

        /** An interface configured by DHCP, like the stock {@code wan}. */
        public static Interface dhcpClient(String device) {
            return new Interface(device, "dhcp", Optional.empty());
        }
    }

    public OpenWrtHost {
        interfaces = Map.copyOf(interfaces);
        compileOptions = Set.copyOf(compileOptions);
        existingFiles = Set.copyOf(existingFiles);
        interfacesWithForeignDhcp = Set.copyOf(interfacesWithForeignDhcp);
    }

    /** A fresh OpenWrt 23.05 image (host name OpenWrt, stock dnsmasq, odhcpd enabled) with these interfaces. */
    public static OpenWrtHost stock(Map<String, Interface> interfaces) {
        return new OpenWrtHost(interfaces, "OpenWrt", STOCK_COMPILE_OPTIONS, STOCK_FILES, true, false, Set.of());
    }

    /** The stock image with {@code lan} = br-lan at {@code lanCidr} and {@code wan} = a DHCP client on {@code wan}. */
    public static OpenWrtHost stockWithLan(String lanCidr) {
        return stock(Map.of("lan", Interface.staticAddress("br-lan", lanCidr), "wan", Interface.dhcpClient("wan")));
    }

    public OpenWrtHost withExistingFiles(Set<String> files) {
        return new OpenWrtHost(interfaces, hostname, compileOptions, files, odhcpdEnabled, hotplugHandlers,
                interfacesWithForeignDhcp);
    }

    public OpenWrtHost withCompileOptions(Set<String> options) {
        return new OpenWrtHost(interfaces, hostname, options, existingFiles, odhcpdEnabled, hotplugHandlers,
                interfacesWithForeignDhcp);
    }

    boolean has(String compileOption) {
        return compileOptions.contains(compileOption);
    }
}
