package io.metalboot.boot.events;

import java.util.List;

/**
 * Where boot events outlive the server: a bounded file in the state dir ({@link FileEventLog}), or nothing
 * ({@link #NONE}). Appends never throw: a log that cannot be written is reported once and the server keeps serving.
 */
public interface EventLog extends AutoCloseable {
    /** Keeps {@code event}, unless the log's bounds say no; true when it was kept. */
    boolean append(BootEvent event);

    /** What the log holds, oldest first (what a restarted server replays). */
    List<BootEvent> replay();

    @Override
    default void close() {
    }

    /** Keeps nothing (tests, and servers started without a state dir). */
    EventLog NONE = new EventLog() {
        @Override
        public boolean append(BootEvent event) {
            return false;
        }

        @Override
        public List<BootEvent> replay() {
            return List.of();
        }
    };
}
