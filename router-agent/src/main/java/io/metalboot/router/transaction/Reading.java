package io.metalboot.router.transaction;

import io.metalboot.router.plan.Plan;
import io.metalboot.router.plan.TransactionRecords;
import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One read of the router, as the transaction needs it: the plan from the live state to the desired
 * one, whether the DHCP daemon runs, the router's DHCP files (path to content) for the revision,
 * metalboot's lock (its owner line, when held) and the router's records of past transactions.
 */
public record Reading(Plan plan, boolean daemonRunning, SortedMap<String, String> files, Optional<String> lock,
        TransactionRecords records) {
    public Reading {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(lock, "lock");
        Objects.requireNonNull(records, "records");
        files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
    }
}
