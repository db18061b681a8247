package io.metalboot.sim.edgeos;

import io.metalboot.router.Ipv4Address;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code show dhcp leases} and {@code show dhcp statistics} as Vyatta::DHCPServerOpMode prints
 * them: read from {@code /config/dhcpd.leases} (records in binding state active, in file order)
 * and, for pool sizes, the ranges in {@code /opt/vyatta/etc/dhcpd.conf}.
 */
final class LeaseTable {
    private static final Pattern LEASE = Pattern.compile("(lease\\s+[\\d.]+\\s+\\{.*?})", Pattern.DOTALL);
    private static final String LEASE_FORMAT = "%-16s %-18s %-20s %-25s %s%n";
    private static final String STATS_FORMAT = "%-25s %-11s %-11s %s%n";

    private record Entry(String ip, String state, String mac, String ends, String pool, String hostname) {
    }

    private LeaseTable() {
    }

    static String leases(String leaseFile, Optional<String> pool) {
        StringBuilder out = new StringBuilder("\n");
        out.append(String.format(LEASE_FORMAT, "IP address", "Hardware address", "Lease expiration", "Pool", "Client Name"));
        out.append(String.format(LEASE_FORMAT, "----------", "----------------", "----------------", "----", "-----------"));
        for (Entry entry : entries(leaseFile)) {
            if (entry.state().equals("active") && pool.map(entry.pool()::equals).orElse(true)) {
                out.append(String.format(LEASE_FORMAT, entry.ip(), entry.mac(), entry.ends(), entry.pool(), entry.hostname()));
            }
        }
        return out.toString();
    }

    static String statistics(String leaseFile, String dhcpdConf, Optional<String> poolFilter) {
        Map<String, Long> sizes = new LinkedHashMap<>();
        String network = "";
        Matcher range = Pattern.compile("range\\s(\\S+?)\\s(\\S+?);").matcher("");
        for (String line : dhcpdConf.lines().toList()) {
            Matcher shared = Pattern.compile("shared-network\\s(.*)\\s\\{").matcher(line);
            if (shared.find()) {
                network = shared.group(1);
            } else if (range.reset(line).find()) {
                long size = Integer.toUnsignedLong(Ipv4Address.parse(range.group(2)).bits())
                        - Integer.toUnsignedLong(Ipv4Address.parse(range.group(1)).bits()) + 1;
                sizes.merge(network, size, Long::sum);
            }
        }
        Map<String, Set<String>> leased = new LinkedHashMap<>();
        for (Entry entry : entries(leaseFile)) {
            if (entry.state().equals("active")) {
                leased.computeIfAbsent(entry.pool(), key -> new LinkedHashSet<>()).add(entry.ip());
            }
        }
        StringBuilder out = new StringBuilder("\n");
        out.append(String.format(STATS_FORMAT, "Pool", "Pool size", "# Leased", "# Avail"));
        out.append(String.format(STATS_FORMAT, "----", "---------", "--------", "-------"));
        sizes.forEach((pool, size) -> {
            if (poolFilter.map(pool::equals).orElse(true)) {
                int used = leased.getOrDefault(pool, Set.of()).size();
                out.append(String.format(STATS_FORMAT, pool, size, used, size - used));
            }
        });
        return out.append('\n').toString();
    }

    /** One entry per lease record in file order (dhcpd appends; the listing shows every record). */
    private static List<Entry> entries(String leaseFile) {
        List<Entry> entries = new ArrayList<>();
        Matcher matcher = LEASE.matcher(leaseFile);
        while (matcher.find()) {
            String lease = matcher.group(1);
            String ip = find(lease, "lease\\s+([\\d.]+)\\s+\\{").orElse("");
            entries.add(new Entry(ip, find(lease, "binding\\s+state\\s+(.*?)\\s*;").orElse(""),
                    find(lease, "hardware\\s+ethernet\\s+(.*?)\\s*;").orElse(""),
                    find(lease, "ends\\s+\\d\\s+(.*?)\\s*;").orElse(""),
                    find(lease, "shared-network:\\s+(.*?)\\s").orElse(""),
                    find(lease, "client-hostname\\s+\"*(.*?)\"*\\s*;").orElse("")));
        }
        return entries;
    }

    private static Optional<String> find(String text, String regex) {
        Matcher matcher = Pattern.compile(regex, Pattern.DOTALL).matcher(text);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}
