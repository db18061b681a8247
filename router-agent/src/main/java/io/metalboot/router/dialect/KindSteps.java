package io.metalboot.router.dialect;

import io.metalboot.router.plan.Plan;
import java.util.List;
import java.util.Optional;

/**
 * What one router kind adds to the transaction's shell scripts: the files it snapshots besides the
 * uploads and the state file, how it commits a plan, restores a snapshot and saves at the confirm
 * (see {@link RouterDialect#steps}).
 * Fragments set {@code mb_ok=0} (commit, snapshot, save) or {@code mb_f=1} (restore) on failure.
 */
public interface KindSteps {
    /** Router files snapshotted and restored byte for byte besides the plan's uploads and the state file. */
    List<String> trackedFiles();

    /** Extra snapshot commands into {@code backup}. */
    String snapshot(String backup);

    /** Stages and commits {@code plan}'s commands and reloads the DHCP daemon. */
    String commit(Plan plan, String backup);

    /** Makes the running configuration the snapshot's again, after the tracked files are back. */
    String restore(String backup);

    /** Makes the committed configuration survive a reboot, at the confirm (output to {@code backup/save.log}). */
    String save(String backup);

    /** The files the confirm rewrites, read back after it. */
    List<String> writtenAtConfirm();

    /**
     * A command printing configuration changes someone else staged and did not commit, checked under
     * the lock (any output refuses the apply before a change); empty when this kind stages nothing
     * between sessions.
     */
    Optional<String> stagedChanges();
}
