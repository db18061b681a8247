package io.metalboot.router.edgeos;

import io.metalboot.router.dialect.Desired;
import io.metalboot.router.dialect.KindSteps;
import io.metalboot.router.dialect.LiveState;
import io.metalboot.router.dialect.RouterDialect;
import io.metalboot.router.plan.Plan;
import io.metalboot.router.plan.RouterKind;
import io.metalboot.router.plan.Snapshot;
import java.util.List;

/** EdgeOS (EdgeRouter): the config tree under {@code service dhcp-server}, dhcpd include files in {@code /config/scripts/}, commits through {@code vyatta-cfg-cmd-wrapper}. */
public final class EdgeosDialect implements RouterDialect {
    @Override
    public RouterKind kind() {
        return RouterKind.EDGEOS;
    }

    @Override
    public List<String> includeFiles() {
        return EdgeosLive.INCLUDES;
    }

    @Override
    public String readScript(List<String> files) {
        return EdgeosLive.readScript(files);
    }

    @Override
    public LiveState parse(String stdout) {
        return EdgeosLive.parse(stdout);
    }

    @Override
    public Plan plan(LiveState live, Desired desired) {
        if (!(desired instanceof EdgeosDesired mine)) {
            throw new IllegalArgumentException("the edgeos dialect cannot plan towards " + desired.getClass().getSimpleName());
        }
        return EdgeosPlanner.plan(live(live), mine);
    }

    @Override
    public List<String> restoreFiles(Snapshot target) {
        return EdgeosRestorer.files(target, target.ownership());
    }

    @Override
    public Plan restore(LiveState live, Snapshot target) {
        return EdgeosRestorer.plan(live(live), target);
    }

    @Override
    public KindSteps steps() {
        return new EdgeosSteps();
    }

    private static EdgeosLive live(LiveState live) {
        if (!(live instanceof EdgeosLive mine)) {
            throw new IllegalArgumentException("the edgeos dialect cannot plan from " + live.getClass().getSimpleName());
        }
        return mine;
    }
}
