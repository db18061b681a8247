package io.metalboot.boot.store;

import io.metalboot.boot.DataDir;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/** The snapshot a store serves, why its last change was refused, and who watches it: the part every store shares. */
final class Snapshots {
    private static final System.Logger LOG = System.getLogger(Snapshots.class.getName());
    private final AtomicReference<DataDir> current;
    private final AtomicReference<Optional<String>> refused = new AtomicReference<>(Optional.empty());
    private final List<Consumer<DataDir>> listeners = new CopyOnWriteArrayList<>();

    Snapshots(DataDir first) {
        this.current = new AtomicReference<>(first);
    }

    DataDir get() {
        return current.get();
    }

    void serve(DataDir next) {
        current.set(next);
        refused.set(Optional.empty());
        for (Consumer<DataDir> l : listeners) {
            try {
                l.accept(next);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "a snapshot listener failed: {0}", e.toString());
            }
        }
    }

    void refuse(String why) {
        refused.set(Optional.of(why));
    }

    Optional<String> refused() {
        return refused.get();
    }

    void watch(Consumer<DataDir> listener) {
        listeners.add(listener);
    }
}
