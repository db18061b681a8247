package io.metalboot.cli;

import io.metalboot.boot.Progress;
import io.metalboot.inventory.Inventory;
import io.metalboot.inventory.Machine;
import io.metalboot.inventory.UnknownMachines;
import io.metalboot.proxydhcp.ProxyDhcpConfig;
import io.metalboot.proxydhcp.ProxyDhcpServer;
import io.metalboot.router.Ipv4Address;
import java.io.PrintWriter;
import java.net.Inet4Address;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import java.util.Optional;
import java.util.stream.Collectors;
import picocli.CommandLine.Option;

/** {@code serve}'s proxyDHCP flags: answer PXE beside a DHCP server metalboot cannot configure. */
final class ProxyDhcpOptions {
    @Option(names = "--proxy-dhcp", description = "Also answer PXE firmware and iPXE as a proxyDHCP server (UDP 67 and 4011, as root) beside"
            + " the LAN's own DHCP server, for the inventory's machines only, never offering an address. Needs -c.")
    boolean enabled;

    @Option(names = "--proxy-dhcp-interface", paramLabel = "IFACE",
            description = "Send the proxy's broadcast answers out of IFACE (default: the interface holding bootServer.address).")
    Optional<String> iface;

    @Option(names = "--proxy-dhcp-port", paramLabel = "PORT", defaultValue = "67",
            description = "UDP port for DHCP broadcasts (default: ${DEFAULT-VALUE}; tests use a free unprivileged one).")
    int port;

    @Option(names = "--proxy-dhcp-pxe-port", paramLabel = "PORT", defaultValue = "4011",
            description = "UDP port for the PXE boot server requests (default: ${DEFAULT-VALUE}).")
    int pxePort;

    /** Starts the proxy when asked (else a no-op), recording each answer in {@code progress}. */
    AutoCloseable start(Optional<Inventory> inventory, Progress progress, PrintWriter out, PrintWriter err) {
        if (!enabled) {
            return () -> { };
        }
        Inventory inv = inventory.orElseThrow(() -> new BadInputException(
                "--proxy-dhcp needs the inventory (-c cluster.yaml): it answers only the machines the inventory names"));
        Ipv4Address server = inv.bootServer().address();
        // an unknown machine is answered only when the inventory says so itself: its firmware otherwise goes on to its next boot device
        boolean answerUnknown = inv.bootServer().unknownMachinesStated().filter(u -> u != UnknownMachines.IGNORE).isPresent();
        ProxyDhcpConfig config = ProxyDhcpConfig.lan(server, inv.bootServer().baseUrl() + "/boot.ipxe",
                inv.machines().stream().map(Machine::mac).collect(Collectors.toSet()))
                .withPorts(port, pxePort, ProxyDhcpConfig.CLIENT_PORT).answeringUnknown(answerUnknown);
        if (iface.isPresent()) {
            config = config.withReplyFrom(addressOf(iface.get()));
        }
        ProxyDhcpServer proxy = ProxyDhcpServer.start(config,
                e -> progress.seen(e.mac().toString(), e.clientIp().orElse(""), "proxydhcp"), line -> {
                    err.println(Style.safe(line));
                    err.flush();
                });
        out.printf("answering PXE as proxyDHCP on UDP %d and %d for %d machine%s (boot server %s, %s for iPXE)%n", proxy.dhcpPort(),
                proxy.pxePort(), config.machines().size(), config.machines().size() == 1 ? "" : "s", server, config.bootScriptUrl());
        return proxy;
    }

    private static Ipv4Address addressOf(String name) {
        try {
            NetworkInterface nif = NetworkInterface.getByName(name);
            if (nif == null) {
                throw new BadInputException("--proxy-dhcp-interface '" + name + "' is not an interface of this host (there are: "
                        + Collections.list(NetworkInterface.getNetworkInterfaces()).stream().map(NetworkInterface::getName)
                                .sorted().collect(Collectors.joining(", ")) + ")");
            }
            return Collections.list(nif.getInetAddresses()).stream().filter(a -> a instanceof Inet4Address).findFirst()
                    .map(a -> Ipv4Address.parse(a.getHostAddress()))
                    .orElseThrow(() -> new BadInputException("--proxy-dhcp-interface '" + name + "' has no IPv4 address"));
        } catch (SocketException e) {
            throw new BadInputException("--proxy-dhcp-interface '" + name + "': cannot list this host's interfaces: " + e.getMessage());
        }
    }
}
