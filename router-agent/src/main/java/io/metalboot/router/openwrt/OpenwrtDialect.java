package io.metalboot.router.openwrt;

import io.metalboot.router.dialect.Desired;
import io.metalboot.router.dialect.KindSteps;
import io.metalboot.router.dialect.LiveState;
import io.metalboot.router.dialect.RouterDialect;
import io.metalboot.router.plan.Plan;
import io.metalboot.router.plan.RouterKind;
import io.metalboot.router.plan.Snapshot;
import java.util.List;

/** OpenWrt: uci sections of the {@code dhcp} package, dnsmasq, commits through {@code uci batch}. */
public final class OpenwrtDialect implements RouterDialect {
    @Override
    public RouterKind kind() {
        return RouterKind.OPENWRT;
    }

    @Override
    public List<String> includeFiles() {
        return List.of();
    }

    @Override
    public String readScript(List<String> files) {
        return OpenwrtLive.readScript(files);
    }

    @Override
    public LiveState parse(String stdout) {
        return OpenwrtLive.parse(stdout);
    }

    @Override
    public Plan plan(LiveState live, Desired desired) {
        if (!(desired instanceof OpenwrtDesired mine)) {
            throw new IllegalArgumentException("the openwrt dialect cannot plan towards " + desired.getClass().getSimpleName());
        }
        return OpenwrtPlanner.plan(live(live), mine);
    }

    @Override
    public List<String> restoreFiles(Snapshot target) {
        return OpenwrtRestorer.files(target, target.ownership());
    }

    @Override
    public Plan restore(LiveState live, Snapshot target) {
        return OpenwrtRestorer.plan(live(live), target);
    }

    @Override
    public KindSteps steps() {
        return new OpenwrtSteps();
    }

    private static OpenwrtLive live(LiveState live) {
        if (!(live instanceof OpenwrtLive mine)) {
            throw new IllegalArgumentException("the openwrt dialect cannot plan from " + live.getClass().getSimpleName());
        }
        return mine;
    }
}
