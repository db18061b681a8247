package io.metalboot.boot.store;

import java.util.Optional;

/**
 * The key layout under a cluster's prefix: {@code groups/FILE}, {@code profiles/FILE},
 * {@code templates/ignition/NAME}, {@code templates/generic/NAME} (values: the files' exact bytes),
 * {@code manifest} (the last push: who, when, the revision it replaced, the assets' names, sizes and
 * sha256) and {@code progress/MAC} (boot progress, under each replica's lease).
 */
final class StoreKeys {
    static final String MANIFEST = "manifest";
    static final String PROGRESS = "progress/";
    /** The prefixes that hold boot data; a snapshot reads them all at one revision. */
    static final String[] DATA = {"groups/", "profiles/", "templates/"};

    private StoreKeys() {
    }

    /** The key (after the cluster prefix) of a data dir file. */
    static String key(String file) {
        return file.startsWith("ignition/") || file.startsWith("generic/") ? "templates/" + file : file;
    }

    /** The data dir file of a key (after the cluster prefix), if it is one. */
    static Optional<String> file(String key) {
        String f = key.startsWith("templates/") ? key.substring("templates/".length()) : key;
        return io.metalboot.boot.DataFiles.valid(f) && !(key.startsWith("ignition/") || key.startsWith("generic/"))
                ? Optional.of(f) : Optional.empty();
    }
}
