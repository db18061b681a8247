package io.metalboot.router.edgeos;

import io.metalboot.router.Ipv4Address;
import io.metalboot.router.Ipv4Subnet;

/**
 * dhcpd-config.pl's {@code converttohex}/{@code prefix_and_subnet}: the colon-hex string it writes
 * for {@code option rfc3442-static-route}: prefix length, the significant octets of the
 * destination, then the router. A /0 destination gets no prefix byte at all (the script's quirk).
 */
final class StaticRoute {
    private StaticRoute() {
    }

    static String hex(String destination, String router) {
        Ipv4Subnet subnet = Ipv4Subnet.parse(destination);
        String subnetHex = hex(subnet.address());
        int prefix = subnet.prefixLength();
        String prefixHex = String.format("%02x", prefix);
        String head;
        if (prefix == 0) {
            head = "";
        } else if (prefix <= 8) {
            head = prefixHex + ":" + subnetHex.substring(0, 3);
        } else if (prefix <= 16) {
            head = prefixHex + ":" + subnetHex.substring(0, 6);
        } else if (prefix <= 24) {
            head = prefixHex + ":" + subnetHex.substring(0, 9);
        } else {
            head = prefixHex + ":" + subnetHex + ":";
        }
        return head + hex(Ipv4Address.parse(router));
    }

    private static String hex(Ipv4Address address) {
        int bits = address.bits();
        return String.format("%02x:%02x:%02x:%02x", bits >>> 24, (bits >>> 16) & 255, (bits >>> 8) & 255, bits & 255);
    }
}
