package io.metalboot.assets;

import java.util.OptionalLong;

/** Hears how downloads go, to show progress. Called from the downloading thread only. */
public interface TransferListener {
    /** A transfer of {@code name} begins (again) at {@code offset} bytes, of {@code total} if known. */
    void started(String name, long offset, OptionalLong total);

    /** {@code done} bytes of the file are on disk now (including the resumed offset). */
    void progressed(long done);

    /** The transfer ended with {@code size} bytes on disk. */
    void finished(String name, long size);

    /** Something worth a line of its own: a retry, a restart, a kept file. */
    void note(String message);

    /** This listener's notes only, without the transfer itself (for a file too small to show). */
    default TransferListener notesOnly() {
        TransferListener all = this;
        return new TransferListener() {
            @Override
            public void started(String name, long offset, OptionalLong total) {
            }

            @Override
            public void progressed(long done) {
            }

            @Override
            public void finished(String name, long size) {
            }

            @Override
            public void note(String message) {
                all.note(message);
            }
        };
    }

    TransferListener SILENT = new TransferListener() {
        @Override
        public void started(String name, long offset, OptionalLong total) {
        }

        @Override
        public void progressed(long done) {
        }

        @Override
        public void finished(String name, long size) {
        }

        @Override
        public void note(String message) {
        }
    };
}
