package io.metalboot.router.dialect;

import io.metalboot.router.plan.TransactionRecords;
import java.util.Optional;
import java.util.SortedMap;

/** A router's live state as one read found it, in the terms every kind shares. */
public interface LiveState {
    /** Whether the DHCP daemon runs. */
    boolean daemonRunning();

    /** The router's DHCP files (path to content) as a revision records them. */
    SortedMap<String, String> revisionFiles();

    /** metalboot's lock: the owner line when held. */
    Optional<String> lock();

    /** The router's records of past transactions. */
    TransactionRecords records();
}
