package io.metalboot.router.dialect;

import io.metalboot.router.plan.Plan;
import io.metalboot.router.plan.RouterKind;
import io.metalboot.router.plan.Snapshot;
import java.util.List;

/**
 * What one router kind knows: how to read it in one round trip, how to plan towards a desired state
 * or back to a snapshot, and its steps in the apply transaction. Where metalboot keeps its state on
 * the router is the kind's ({@link RouterKind#stateDir()}). A kind lives in its own package of
 * router-agent and is registered in {@code io.metalboot.router.change.Dialects}.
 */
public interface RouterDialect {
    RouterKind kind();

    /** Files metalboot writes besides the DHCP configuration, read with every plan (EdgeOS: dhcpd's include files). */
    List<String> includeFiles();

    /** The one script that reads the router's live state, reading {@code files} too. */
    String readScript(List<String> files);

    /** The router's answer to {@link #readScript}. */
    LiveState parse(String stdout);

    /** The changes that make {@code live} hold {@code desired}, limited to what metalboot owns. */
    Plan plan(LiveState live, Desired desired);

    /** The files to read when planning the way back to {@code target}. */
    List<String> restoreFiles(Snapshot target);

    /** The changes that return {@code live} to {@code target}. */
    Plan restore(LiveState live, Snapshot target);

    /** This kind's snapshot, commit, restore and save in the transaction's scripts. */
    KindSteps steps();
}
