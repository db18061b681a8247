package io.metalboot.router.history;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One change metalboot made (or tried to make) to a router: who, when, which router, the plan as
 * readable diff lines and the commands sent, the router's DHCP files before and after (path to
 * content), and how it ended. {@code rollbackOf} names the revision a rollback went back to;
 * {@code transaction} the router-side transaction id (its backup directory and record on the router).
 */
public record Revision(String id, Instant time, String user, String router, String kind, List<String> changes,
        List<String> commands, SortedMap<String, String> before, SortedMap<String, String> after, Outcome outcome,
        Optional<String> message, Optional<String> rollbackOf, Optional<String> transaction) {

    /** How an apply or rollback ended. */
    public enum Outcome {
        /** Committed, verified, confirmed and saved. */
        APPLIED,
        /** Something failed and the router went back to {@code before}. */
        REVERTED,
        /** Failed before anything was changed on the router. */
        FAILED,
        /** Another run broke this one's lock before it ended: the router holds what that run made of it. */
        SUPERSEDED,
        /** Not known yet (the connection was lost before the router decided), or the revert itself failed. */
        UNKNOWN
    }

    public Revision {
        if (!id.matches("[0-9]{4,}")) {
            throw new IllegalArgumentException("revision id '" + id + "' is not a number like 0001");
        }
        for (var field : new Object[][] {{"time", time}, {"user", user}, {"router", router}, {"kind", kind},
                {"changes", changes}, {"commands", commands}, {"before", before}, {"after", after}, {"outcome", outcome}}) {
            if (field[1] == null) {
                throw new IllegalArgumentException("missing field '" + field[0] + "'");
            }
        }
        message = message == null ? Optional.empty() : message;
        rollbackOf = rollbackOf == null ? Optional.empty() : rollbackOf;
        transaction = transaction == null ? Optional.empty() : transaction;
        changes = List.copyOf(changes);
        commands = List.copyOf(commands);
        before = new TreeMap<>(before);
        after = new TreeMap<>(after);
    }

    /** A revision not yet numbered; {@link RevisionStore#record} gives it the next id. */
    public static Revision draft(Instant time, String user, String router, String kind, List<String> changes,
            List<String> commands, Map<String, String> before, Map<String, String> after, Outcome outcome,
            Optional<String> message, Optional<String> rollbackOf) {
        return new Revision("0000", time, user, router, kind, changes, commands, new TreeMap<>(before),
                new TreeMap<>(after), outcome, message, rollbackOf, Optional.empty());
    }

    /** This revision with another outcome and message (how a reserved run ended). */
    public Revision with(Outcome newOutcome, Optional<String> newMessage) {
        return new Revision(id, time, user, router, kind, changes, commands, before, after, newOutcome, newMessage, rollbackOf,
                transaction);
    }

    /** This revision with the router-side transaction id its run uses. */
    public Revision withTransaction(String id) {
        return new Revision(this.id, time, user, router, kind, changes, commands, before, after, outcome, message, rollbackOf,
                Optional.of(id));
    }

    /** This revision with the commands sent and the router's files after the run. */
    public Revision withRun(List<String> newCommands, Map<String, String> newAfter) {
        return new Revision(id, time, user, router, kind, changes, newCommands, before, new TreeMap<>(newAfter), outcome, message,
                rollbackOf, transaction);
    }

    Revision withId(String newId) {
        return new Revision(newId, time, user, router, kind, changes, commands, before, after, outcome, message, rollbackOf,
                transaction);
    }
}
