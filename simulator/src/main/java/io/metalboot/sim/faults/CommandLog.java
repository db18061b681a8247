package io.metalboot.sim.faults;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything a simulated router was asked to run, for tests to inspect: each SSH exec request with
 * its exit status (empty when the connection dropped before it ended), and each command inside it.
 */
public final class CommandLog {
    /** What ran: {@code kind} is {@code exec} (a whole SSH exec request), {@code shell} or {@code command}. */
    public record Entry(Instant at, String kind, int pid, String line, Optional<Integer> status) {
    }

    private final List<Entry> entries = new ArrayList<>();

    public synchronized void add(String kind, int pid, String line, Optional<Integer> status) {
        entries.add(new Entry(Instant.now(), kind, pid, line, status));
    }

    public synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }

    /** The exec requests only, in order. */
    public synchronized List<Entry> execs() {
        return entries.stream().filter(e -> e.kind().equals("exec")).toList();
    }

    public synchronized void clear() {
        entries.clear();
    }
}
