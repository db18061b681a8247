package io.metalboot.sim.edgeos;

import io.metalboot.router.edgeos.ConfigTree;
import io.metalboot.router.edgeos.DhcpServerValidator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One commit of a session's working configuration, the way vyatta-cfg's commit behaves on EdgeOS:
 * one commit at a time (a second one, or one while {@code Faults#holdLock} is armed, is refused
 * with the lock message); the changes are applied subtree by subtree (second-level nodes such as
 * {@code service dhcp-server}, in display order) and not atomically: a subtree whose check fails is
 * left as it was while the others go in. Each subtree that has something to say prints a block,
 * {@code [ service dhcp-server ]}, its lines and a blank line; a failure ends with
 * {@code Commit failed}.
 */
final class Commit {
    static final String NOTHING = "No configuration changes to commit";
    static final String LOCKED = "Configuration system temporarily locked due to another commit in progress";
    static final String FAILED = "Commit failed";
    private static final List<String> DHCP = List.of("service", "dhcp-server");

    /** How it went. */
    enum Outcome { COMMITTED, NOTHING_TO_COMMIT, FAILED }

    /** The outcome and what the commit printed. */
    record Result(Outcome outcome, List<String> output) {
        Result {
            output = List.copyOf(output);
        }

        boolean failed() {
            return outcome == Outcome.FAILED;
        }
    }

    private Commit() {
    }

    static Result run(EdgeosRouter router, String sessionId) {
        if (!router.sessionChanged(sessionId)) {
            return new Result(Outcome.NOTHING_TO_COMMIT, List.of(NOTHING));
        }
        if (router.faults().lockHolder().isPresent() || !router.commitLock().tryLock()) {
            return new Result(Outcome.FAILED, List.of(LOCKED));
        }
        try {
            ConfigTree before = router.active();
            ConfigTree working = router.working(sessionId).orElse(before);
            List<List<String>> units = changedUnits(before, working);
            Optional<String> injected = router.faults().takeCommitFailure();
            if (injected.isPresent()) {
                String where = units.isEmpty() ? "system" : String.join(" ", units.get(0));
                return new Result(Outcome.FAILED, List.of("[ " + where + " ]", injected.get(), "", FAILED));
            }
            List<String> output = new ArrayList<>();
            boolean failed = false;
            ConfigTree next = before;
            for (List<String> unit : units) {
                ConfigTree candidate = next.graft(working, unit);
                if (unit.equals(DHCP)) {
                    DhcpServerValidator.Result check = DhcpServerValidator.validate(candidate);
                    if (!check.commits()) {
                        block(output, unit, check.warnings(), check.errors());
                        failed = true;
                        continue;
                    }
                    block(output, unit, check.warnings(), router.dhcpd().configure(candidate));
                }
                next = candidate;
            }
            if (failed) {
                output.add(FAILED);
            }
            router.activate(sessionId, next, !failed);
            return new Result(failed ? Outcome.FAILED : Outcome.COMMITTED, output);
        } finally {
            router.commitLock().unlock();
        }
    }

    private static void block(List<String> output, List<String> unit, List<String> first, List<String> second) {
        output.add("[ " + String.join(" ", unit) + " ]");
        output.addAll(first);
        output.addAll(second);
        output.add("");
    }

    /**
     * The subtrees that differ, in display order: each second-level node ({@code service
     * dhcp-server}, {@code interfaces ethernet}), or the top-level node itself when it holds a
     * value or has no children on either side.
     */
    static List<List<String>> changedUnits(ConfigTree before, ConfigTree after) {
        List<List<String>> units = new ArrayList<>();
        for (String top : union(before, after, List.of())) {
            List<String> seconds = union(before, after, List.of(top));
            boolean leaf = !before.values(top).isEmpty() || !after.values(top).isEmpty();
            if (leaf || seconds.isEmpty()) {
                units.add(List.of(top));
            } else {
                seconds.forEach(second -> units.add(List.of(top, second)));
            }
        }
        return units.stream().filter(unit -> !before.subtree(path(unit)).equals(after.subtree(path(unit)))).toList();
    }

    /** The child names at {@code parent} on either side, in display order. */
    private static List<String> union(ConfigTree one, ConfigTree two, List<String> parent) {
        ConfigTree both = one;
        for (String child : two.children(path(parent))) {
            List<String> at = new ArrayList<>(parent);
            at.add(child);
            if (!one.exists(path(at))) {
                both = both.graft(two, at);
            }
        }
        return both.children(path(parent));
    }

    private static String[] path(List<String> elements) {
        return elements.toArray(String[]::new);
    }
}
