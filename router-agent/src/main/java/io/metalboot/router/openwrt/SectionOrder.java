package io.metalboot.router.openwrt;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code reorder} lines that put metalboot's sections at the end of the package in the desired
 * order (dnsmasq uses the LAST matching {@code dhcp-boot}, so the iPXE boot section must stay last),
 * moving as few sections as it can.
 */
final class SectionOrder {
    private SectionOrder() {
    }

    /** Reorders to append to {@code batch} (already planned against {@code base}). */
    static List<String> reorders(UciConfig base, List<String> batch, List<UciSection> entries) {
        UciConfig after = run(base, batch);
        List<String> names = new ArrayList<>(after.sections().stream().map(UciSection::name).toList());
        List<String> wanted = entries.stream().map(UciSection::name).toList();
        int keep = wanted.size();
        while (keep > 0 && !tailMatches(names, wanted, keep)) {
            keep--;
        }
        List<String> lines = new ArrayList<>();
        int last = names.size() - 1;
        for (String name : wanted.subList(keep, wanted.size())) {
            lines.add("reorder dhcp." + name + "=" + last);
        }
        List<String> all = new ArrayList<>(batch);
        all.addAll(lines);
        List<String> order = run(base, all).sections().stream().map(UciSection::name).toList();
        if (!order.subList(order.size() - wanted.size(), order.size()).equals(wanted)) {
            throw OpenwrtPlanner.bug("after the reorders the sections are " + order + ", expected them to end with " + wanted);
        }
        return lines;
    }

    /** Whether, once wanted[keep..] are moved to the end, what remains ends with wanted[0..keep). */
    private static boolean tailMatches(List<String> names, List<String> wanted, int keep) {
        List<String> rest = new ArrayList<>(names);
        rest.removeAll(wanted.subList(keep, wanted.size()));
        return rest.size() >= keep && rest.subList(rest.size() - keep, rest.size()).equals(wanted.subList(0, keep));
    }

    private static UciConfig run(UciConfig base, List<String> batch) {
        UciResult result = base.batch(String.join("\n", batch) + "\n");
        if (!result.stderr().isEmpty()) {
            throw OpenwrtPlanner.bug(String.join(" / ", result.stderr()));
        }
        return result.config();
    }
}
