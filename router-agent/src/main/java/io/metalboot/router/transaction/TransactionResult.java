package io.metalboot.router.transaction;

import io.metalboot.router.history.Revision;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * How an apply ended: the outcome, a message for the operator (empty when applied), the scripts
 * sent after the read, the router's DHCP files after the apply (empty when they could not be read)
 * and the revert script left on the router.
 */
public record TransactionResult(Revision.Outcome outcome, String message, List<String> scripts,
        SortedMap<String, String> after, String revertScript) {
    public TransactionResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(revertScript, "revertScript");
        scripts = List.copyOf(scripts);
        after = Collections.unmodifiableSortedMap(new TreeMap<>(after));
    }

    public boolean applied() {
        return outcome == Revision.Outcome.APPLIED;
    }
}
