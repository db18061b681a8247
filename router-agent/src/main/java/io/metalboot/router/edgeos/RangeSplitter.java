package io.metalboot.router.edgeos;

import io.metalboot.router.Ipv4Address;
import io.metalboot.router.edgeos.DhcpServerView.Range;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * dhcpd-config.pl's {@code split_ranges}: cuts {@code exclude} addresses out of the start-stop
 * ranges. Excludes are taken in string order (Perl's {@code sort}); a range split in two keeps its
 * first half in place and gets its second half appended; emptied ranges disappear. The same cut
 * removes each static mapping's address from the ranges ({@link #withoutStatic}, vyatta-cfg-dhcp-server
 * 8bc678d, "Fix Bug 3800"), then without the warning and without the "cannot exclude all" error.
 */
final class RangeSplitter {

    /** Ranges after the cut, the warnings printed on the way, and the error when nothing is left. */
    record Split(List<Range> ranges, List<String> warnings, Optional<List<String>> error) {
    }

    private RangeSplitter() {
    }

    static Split split(List<Range> ranges, List<String> excludes) {
        return cut(ranges, excludes, false);
    }

    /**
     * The ranges written for a subnet whose static mappings have {@code staticIps} (in the order
     * dhcpd-config.pl visits the mappings): each address that lies in one of the configured ranges
     * {@code original} and is not an {@code exclude} is cut out of the ranges so far ({@code current}).
     */
    static List<Range> withoutStatic(List<Range> original, List<Range> current, List<String> excludes, List<String> staticIps) {
        List<Range> ranges = current;
        for (String ip : staticIps) {
            Ipv4Address address = Ipv4Address.parse(ip);
            boolean inRange = original.stream().anyMatch(range -> Ipv4Address.parse(range.start()).compareTo(address) <= 0
                    && address.compareTo(Ipv4Address.parse(range.stop().orElseThrow())) <= 0);
            if (inRange && !excludes.contains(ip)) {
                ranges = cut(ranges, List.of(ip), true).ranges();
            }
        }
        return ranges;
    }

    private static Split cut(List<Range> ranges, List<String> excludes, boolean forStatic) {
        List<Ipv4Address> starts = new ArrayList<>();
        List<Ipv4Address> stops = new ArrayList<>();
        for (Range range : ranges) {
            starts.add(Ipv4Address.parse(range.start()));
            stops.add(Ipv4Address.parse(range.stop().orElseThrow()));
        }
        List<String> warnings = new ArrayList<>();
        for (String text : excludes.stream().sorted().toList()) {
            Ipv4Address exclude = Ipv4Address.parse(text);
            boolean inRange = false;
            int last = starts.size() - 1;
            for (int i = 0; i <= last; i++) {
                Ipv4Address start = starts.get(i);
                Ipv4Address stop = stops.get(i);
                if (start.compareTo(exclude) > 0 || exclude.compareTo(stop) > 0) {
                    continue;
                }
                inRange = true;
                if (start.equals(exclude)) {
                    starts.set(i, exclude.plus(1));
                } else if (stop.equals(exclude)) {
                    stops.set(i, exclude.plus(-1));
                } else {
                    stops.set(i, exclude.plus(-1));
                    put(starts, last + 1, exclude.plus(1));
                    put(stops, last + 1, stop);
                }
            }
            if (!inRange && !forStatic) {
                warnings.add("DHCP server warning:");
                warnings.add("exclude IP address '" + text + "' does not lie in any of the start-stop ranges    ");
            }
        }
        List<Range> result = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            if (starts.get(i).compareTo(stops.get(i)) <= 0) {
                result.add(new Range(starts.get(i).toString(), Optional.of(stops.get(i).toString())));
            }
        }
        Optional<List<String>> error = result.isEmpty() && !forStatic
                ? Optional.of(List.of("DHCP server error:", "Cannot exclude all IP addresses defined in start-stop ranges for a subnet"))
                : Optional.empty();
        return new Split(result, warnings, error);
    }

    private static void put(List<Ipv4Address> list, int index, Ipv4Address value) {
        if (index < list.size()) {
            list.set(index, value);
        } else {
            list.add(value);
        }
    }
}
