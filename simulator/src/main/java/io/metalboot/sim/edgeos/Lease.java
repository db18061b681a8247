package io.metalboot.sim.edgeos;

import io.metalboot.router.Ipv4Address;
import io.metalboot.router.MacAddress;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * One dynamic lease as dhcpd records it in {@code /config/dhcpd.leases}; a test adds leases with
 * {@link EdgeosRouter#addLease} and reads them back through {@code show dhcp leases}.
 */
public record Lease(Ipv4Address ip, MacAddress mac, Instant starts, Instant ends, String pool, Optional<String> hostname) {
    static final DateTimeFormatter ISC_TIME = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    public Lease {
        if (ends.isBefore(starts)) {
            throw new IllegalArgumentException("lease for " + ip + " ends (" + ends + ") before it starts ("
                    + starts + "); give an end after the start");
        }
        if (pool.isBlank() || pool.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("lease pool '" + pool + "' must be a shared-network-name (one word, e.g. LAN)");
        }
    }

    /** A lease of {@code seconds} from {@code starts}, pool and host name as given. */
    public static Lease of(String ip, String mac, Instant starts, long seconds, String pool, String hostname) {
        return new Lease(Ipv4Address.parse(ip), MacAddress.parse(mac).orElseThrow(() ->
                new IllegalArgumentException("'" + mac + "' is not a MAC address (expected e.g. 00:11:22:33:44:55)")),
                starts, starts.plusSeconds(seconds), pool, Optional.of(hostname).filter(name -> !name.isEmpty()));
    }

    /** The lease as dhcpd appends it to its lease file (Vyatta's dhcpd tags the shared network). */
    String block() {
        StringBuilder block = new StringBuilder("lease ").append(ip).append(" {\n");
        block.append("  starts ").append(iscTime(starts)).append(";\n");
        block.append("  ends ").append(iscTime(ends)).append(";\n");
        block.append("  binding state active;\n");
        block.append("  next binding state free;\n");
        block.append("  hardware ethernet ").append(mac.value()).append(";\n");
        hostname.ifPresent(name -> block.append("  client-hostname \"").append(name).append("\";\n"));
        block.append("#shared-network: ").append(pool).append("\n");
        return block.append("}\n").toString();
    }

    private static String iscTime(Instant at) {
        return at.atZone(ZoneOffset.UTC).getDayOfWeek().getValue() % 7 + " " + ISC_TIME.format(at);
    }
}
