package io.metalboot.boot.select;

import io.metalboot.boot.Group;
import io.metalboot.boot.Labels;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link io.metalboot.boot.DataDir#select}'s lookup: a group with a {@code mac} selector can only match a request with
 * that MAC, so such groups are found by the request's MAC instead of being tried one by one; the
 * others are tried for every request. The answer is the same as trying every group: every selector
 * matches, the most selectors win, ties go to the lowest id (then the first loaded).
 */
public final class GroupSelection {
    private final List<Group> groups;
    private final List<Integer> withoutMac = new ArrayList<>();
    private final Map<String, List<Integer>> byMac = new HashMap<>();

    public GroupSelection(List<Group> groups) {
        this.groups = List.copyOf(groups);
        for (int i = 0; i < this.groups.size(); i++) {
            String mac = this.groups.get(i).selector().get("mac");
            if (mac == null) {
                withoutMac.add(i);
            } else {
                byMac.computeIfAbsent(mac, k -> new ArrayList<>()).add(i);
            }
        }
    }

    /** Whether some group selects {@code mac} by MAC (the machine is known; otherwise only catch-all groups can match it). */
    public boolean selectsMac(String mac) {
        return byMac.containsKey(mac);
    }

    public Optional<Group> select(Labels labels) {
        String mac = labels.values().get("mac");
        int best = -1;
        best = best(withoutMac, labels, best);
        if (mac != null) {
            best = best(byMac.getOrDefault(mac, List.of()), labels, best);
        }
        return best < 0 ? Optional.empty() : Optional.of(groups.get(best));
    }

    private int best(List<Integer> candidates, Labels labels, int best) {
        for (int i : candidates) {
            Group g = groups.get(i);
            if (g.matches(labels) && (best < 0 || better(i, best))) {
                best = i;
            }
        }
        return best;
    }

    private boolean better(int i, int than) {
        Group a = groups.get(i);
        Group b = groups.get(than);
        int bySize = Integer.compare(a.selector().size(), b.selector().size());
        if (bySize != 0) {
            return bySize > 0;
        }
        int byId = a.id().compareTo(b.id());
        return byId != 0 ? byId < 0 : i < than;
    }
}
