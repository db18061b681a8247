package io.metalboot.proxydhcp;

import java.io.IOException;
import java.net.InetSocketAddress;

/** Why a proxyDHCP socket could not be bound, in words an operator can act on. */
final class BindFailure {
    private BindFailure() {
    }

    static String explain(InetSocketAddress at, IOException e, ProxyDhcpConfig config) {
        String where = at.getAddress().getHostAddress() + ":" + at.getPort();
        String m = String.valueOf(e.getMessage());
        String test = "for a test, pick unprivileged ports with --proxy-dhcp-port 1067 --proxy-dhcp-pxe-port 4012";
        if (m.contains("Permission denied") || m.contains("Operation not permitted")) {
            return "cannot listen for proxyDHCP on " + where + ": permission denied; ports " + ProxyDhcpConfig.DHCP_PORT + " and "
                    + ProxyDhcpConfig.PXE_PORT + " are privileged: run 'metalboot serve --proxy-dhcp' as root (or with"
                    + " CAP_NET_BIND_SERVICE); " + test;
        }
        if (m.contains("in use")) {
            return "cannot listen for proxyDHCP on " + where + ": the port is taken by a process that did not set SO_REUSEADDR"
                    + " (a DHCP server on this host, e.g. ISC dhcpd, or another proxy); stop it or run the proxy on another"
                    + " host of the LAN (dnsmasq sets SO_REUSEADDR and can stay); " + test;
        }
        if (m.contains("assign requested address")) {
            return "cannot listen for proxyDHCP on " + where + ": " + at.getAddress().getHostAddress() + " is not an address of this"
                    + " host; bootServer.address (" + config.server() + ") must be this host's address on the machines' LAN, or"
                    + " name the LAN's interface with --proxy-dhcp-interface";
        }
        return "cannot listen for proxyDHCP on " + where + ": " + m;
    }
}
