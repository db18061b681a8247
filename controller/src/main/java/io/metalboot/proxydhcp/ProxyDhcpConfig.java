package io.metalboot.proxydhcp;

import io.metalboot.router.Ipv4Address;
import io.metalboot.router.MacAddress;
import java.util.Set;

/**
 * What the proxy needs, checked before any port is bound. {@code server}: the boot server's address
 * (server identifier, {@code siaddr}, TFTP), an address of this host; {@code replyFrom}: the local
 * address whose interface replies leave by (the server's, or one of {@code --proxy-dhcp-interface});
 * {@code dhcpPort}/{@code pxePort}: 67 and 4011 on a LAN; {@code clientPort}: 68 on a LAN, where
 * broadcast offers go; {@code machines}: the MACs answered, unless {@code answerUnknown}.
 */
public record ProxyDhcpConfig(Ipv4Address server, Ipv4Address replyFrom, int dhcpPort, int pxePort, int clientPort,
        String bootScriptUrl, Set<MacAddress> machines, boolean answerUnknown) {
    public static final int DHCP_PORT = 67;
    public static final int PXE_PORT = 4011;
    public static final int CLIENT_PORT = 68;

    public ProxyDhcpConfig {
        machines = Set.copyOf(machines);
        for (int p : new int[] {dhcpPort, pxePort, clientPort}) {
            if (p < 0 || p > 65535) {
                throw new IllegalArgumentException("port " + p + " out of range");
            }
        }
    }

    /** The LAN defaults: ports 67, 4011 and 68, replies from the server's own address, only the inventory's machines. */
    public static ProxyDhcpConfig lan(Ipv4Address server, String bootScriptUrl, Set<MacAddress> machines) {
        return new ProxyDhcpConfig(server, server, DHCP_PORT, PXE_PORT, CLIENT_PORT, bootScriptUrl, machines, false);
    }

    public ProxyDhcpConfig withPorts(int dhcp, int pxe, int client) {
        return new ProxyDhcpConfig(server, replyFrom, dhcp, pxe, client, bootScriptUrl, machines, answerUnknown);
    }

    /** The same, answering machines the inventory does not name ({@code bootServer.unknownMachines: discover | install}). */
    public ProxyDhcpConfig answeringUnknown(boolean answer) {
        return new ProxyDhcpConfig(server, replyFrom, dhcpPort, pxePort, clientPort, bootScriptUrl, machines, answer);
    }

    public ProxyDhcpConfig withReplyFrom(Ipv4Address from) {
        return new ProxyDhcpConfig(server, from, dhcpPort, pxePort, clientPort, bootScriptUrl, machines, answerUnknown);
    }
}
