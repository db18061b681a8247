package io.metalboot.boot.store;

import io.metalboot.boot.DataDir;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A store for tests: it serves the snapshots it was given, in turn, one per {@link #snapshot()} call
 * (one snapshot: always that one), counts the calls, and reports the health it is told.
 */
public final class FixedStore implements Store {
    private final List<DataDir> snapshots;
    private final AtomicInteger reads = new AtomicInteger();
    private volatile Health health = Health.OK;

    public FixedStore(DataDir... snapshots) {
        this.snapshots = List.of(snapshots);
    }

    @Override
    public DataDir snapshot() {
        return snapshots.get(reads.getAndIncrement() % snapshots.size());
    }

    /** How many times {@link #snapshot()} was called. */
    public int reads() {
        return reads.get();
    }

    public void health(Health h) {
        this.health = h;
    }

    @Override
    public void watch(Consumer<DataDir> listener) {
    }

    @Override
    public Health health() {
        return health;
    }

    @Override
    public String describe() {
        return "fixed";
    }

    @Override
    public void close() {
    }
}
