package io.metalboot.router.transaction;

import io.metalboot.router.plan.Plan;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One read of the router, as the transaction needs it: the plan from the live state to the desired
 * one, whether the DHCP daemon runs, and the router's DHCP files (path to content) for the revision.
 */
public record Reading(Plan plan, boolean daemonRunning, SortedMap<String, String> files) {
    public Reading {
        Objects.requireNonNull(plan, "plan");
        files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
    }
}
