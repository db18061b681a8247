package io.metalboot.router.change;

import io.metalboot.router.RouterAgentException;
import io.metalboot.router.dialect.Desired;
import io.metalboot.router.dialect.LiveState;
import io.metalboot.router.dialect.RouterDialect;
import io.metalboot.router.plan.Plan;
import io.metalboot.router.plan.Snapshot;
import io.metalboot.router.ssh.ExecResult;
import io.metalboot.router.ssh.RouterShell;
import io.metalboot.router.transaction.Reading;
import io.metalboot.router.transaction.RouterReader;
import java.util.List;
import java.util.function.Function;

/**
 * Reads the router in one round trip and plans: towards a desired state rendered once (plan,
 * apply) or back to a revision's snapshot (rollback). The reading's files are the snapshot a
 * revision records.
 */
public final class LiveReader implements RouterReader {
    private final RouterDialect dialect;
    private final List<String> files;
    private final Function<LiveState, Plan> planner;

    private LiveReader(RouterDialect dialect, List<String> files, Function<LiveState, Plan> planner) {
        this.dialect = dialect;
        this.files = List.copyOf(files);
        this.planner = planner;
    }

    /** Plans towards {@code desired}. */
    public static LiveReader towards(RouterDialect dialect, Desired desired) {
        return new LiveReader(dialect, dialect.includeFiles(), live -> dialect.plan(live, desired));
    }

    /** Plans the way back to {@code target}. */
    public static LiveReader back(RouterDialect dialect, Snapshot target) {
        return new LiveReader(dialect, dialect.restoreFiles(target), live -> dialect.restore(live, target));
    }

    public RouterDialect dialect() {
        return dialect;
    }

    @Override
    public Reading read(RouterShell session) {
        ExecResult r = session.exec(dialect.readScript(files));
        if (r.status() != 0) {
            throw new RouterAgentException("reading the router's DHCP configuration failed with status "
                    + r.status() + ": " + r.stderr().strip() + " (is this the router kind the inventory says?)");
        }
        LiveState live = dialect.parse(r.stdout());
        return new Reading(planner.apply(live), live.daemonRunning(), live.revisionFiles(), live.lock(), live.records());
    }
}
