package io.metalboot.assets;

import java.util.OptionalLong;

/**
 * Hears how downloads go, to show progress. Called from the downloading thread only. Only
 * {@link #note} must be given; a listener that shows no transfer ignores the rest.
 */
@FunctionalInterface
public interface TransferListener {
    TransferListener SILENT = message -> { };

    /** A transfer of {@code name} begins (again) at {@code offset} bytes, of {@code total} if known. */
    default void started(String name, long offset, OptionalLong total) {
    }

    /** {@code done} bytes of the file are on disk now (including the resumed offset). */
    default void progressed(long done) {
    }

    /** The transfer ended with {@code size} bytes on disk. */
    default void finished(String name, long size) {
    }

    /** Something worth a line of its own: a retry, a restart, a kept file. */
    void note(String message);

    /** This listener's notes only, without the transfer itself (for a file too small to show). */
    default TransferListener notesOnly() {
        return this::note;
    }
}
