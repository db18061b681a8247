package io.metalboot.router.openwrt;

import io.metalboot.router.Ipv4Address;
import java.util.Optional;

/**
 * The DHCP range of an interface: {@code dhcp_calc} turns {@code start} (a number or a dotted quad)
 * into a number, ipcalc keeps only its host part inside the interface's network, moves it past the
 * network address, ends the range {@code limit} addresses later (23.05 passes the full limit) and
 * before the broadcast address. An empty range writes no {@code dhcp-range}, as the 23.05 script's
 * "make sure the DHCP range is not empty" check does. Stock lan: 192.168.1.100–192.168.1.249.
 */
final class DhcpRange {
    private DhcpRange() {
    }

    /** START, END and NETMASK as dotted quads, or empty when the range is empty or the numbers are not numbers. */
    static Optional<String[]> compute(Ipv4Address address, Ipv4Address netmask, String start, String limit) {
        Optional<Long> first = calc(start);
        if (first.isEmpty() || !limit.matches("\\d{1,9}")) {
            return Optional.empty();
        }
        long mask = netmask.unsigned();
        long network = address.unsigned() & mask;
        long broadcast = network | (~mask & 0xFFFF_FFFFL);
        long rangeStart = network | (first.get() & ~mask & 0xFFFF_FFFFL);
        if (rangeStart < network + 1) {
            rangeStart = network + 1;
        }
        long rangeEnd = Math.min(rangeStart + Long.parseLong(limit) - 1, broadcast - 1);
        if (rangeEnd < rangeStart) {
            return Optional.empty();
        }
        return Optional.of(new String[] {new Ipv4Address((int) rangeStart).toString(),
                new Ipv4Address((int) rangeEnd).toString(), netmask.toString()});
    }

    /** {@code dhcp_calc}: "100" is 100, "192.168.1.100" is its 32-bit value. */
    private static Optional<Long> calc(String text) {
        long result = 0;
        for (String part : text.split("\\.", -1)) {
            if (!part.matches("\\d{1,10}")) {
                return Optional.empty();
            }
            result = ((result * 256) + Long.parseLong(part)) & 0xFFFF_FFFFL;
        }
        return Optional.of(result);
    }
}
