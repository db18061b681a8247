package io.metalboot.router.plan;

import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A router's DHCP state as a revision recorded it (its {@code before} or {@code after} files, path
 * to content), the desired state of a rollback. Besides real router paths it holds
 * {@link #ACTIVE_DHCP}, EdgeOS's active {@code service dhcp-server} in config.boot form. The
 * ownership is the snapshot's state file, or none when the router had no state file then.
 */
public record Snapshot(String revision, RouterKind kind, SortedMap<String, String> files) {
    /** The key of EdgeOS's active dhcp-server subtree (what {@code cli-shell-api showCfg} shows) in a snapshot. */
    public static final String ACTIVE_DHCP = "(active) service dhcp-server";

    public Snapshot {
        Objects.requireNonNull(revision, "revision");
        Objects.requireNonNull(kind, "kind");
        files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
    }

    /** The file's content in the snapshot, or empty when the router did not have it. */
    public Optional<String> file(String path) {
        return Optional.ofNullable(files.get(path));
    }

    /** What metalboot owned then. */
    public Ownership ownership() {
        return file(kind.stateFile())
                .map(json -> Ownership.parse(json, "revision " + revision + " " + kind.stateFile(), kind))
                .orElse(Ownership.none(kind));
    }
}
