package io.metalboot.cli;

import io.metalboot.inventory.Inventory;
import io.metalboot.router.RouterAgentException;
import io.metalboot.router.edgeos.EdgeosLive;
import io.metalboot.router.edgeos.EdgeosPlanner;
import io.metalboot.router.edgeos.EdgeosRestorer;
import io.metalboot.router.openwrt.OpenwrtLive;
import io.metalboot.router.openwrt.OpenwrtPlanner;
import io.metalboot.router.openwrt.OpenwrtRestorer;
import io.metalboot.router.plan.Plan;
import io.metalboot.router.plan.RouterKind;
import io.metalboot.router.plan.Snapshot;
import io.metalboot.router.ssh.ExecResult;
import io.metalboot.router.ssh.RouterSession;
import io.metalboot.router.transaction.Reading;
import io.metalboot.router.transaction.RouterReader;
import io.metalboot.routercfg.DesiredState;
import io.metalboot.routercfg.RouterTemplates;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Reads the router in one round trip and plans: against the inventory (plan, apply) or back to a
 * revision's snapshot (rollback). The reading's files are the snapshot a revision records.
 */
final class LiveReader implements RouterReader {
    private final RouterKind kind;
    private final List<String> files;
    private final Function<EdgeosLive, Plan> edgeos;
    private final Function<OpenwrtLive, Plan> openwrt;

    private LiveReader(RouterKind kind, List<String> files, Function<EdgeosLive, Plan> edgeos, Function<OpenwrtLive, Plan> openwrt) {
        this.kind = kind;
        this.files = files;
        this.edgeos = edgeos;
        this.openwrt = openwrt;
    }

    /** Plans the inventory's desired state. */
    static LiveReader forInventory(Inventory inv, RouterTemplates templates) {
        RouterKind kind = RouterKind.ofLabel(inv.router().kind().label()).orElseThrow();
        return new LiveReader(kind, kind == RouterKind.EDGEOS ? EdgeosLive.INCLUDES : List.of(),
                live -> EdgeosPlanner.plan(live, DesiredState.edgeos(inv, templates)),
                live -> OpenwrtPlanner.plan(live, DesiredState.openwrt(inv, templates)));
    }

    /** Plans the way back to {@code target}. */
    static LiveReader forRollback(Snapshot target) {
        List<String> files = target.kind() == RouterKind.EDGEOS ? EdgeosRestorer.files(target, target.ownership())
                : OpenwrtRestorer.files(target, target.ownership());
        return new LiveReader(target.kind(), files, live -> EdgeosRestorer.plan(live, target), live -> OpenwrtRestorer.plan(live, target));
    }

    @Override
    public Reading read(RouterSession session) {
        return switch (kind) {
            case EDGEOS -> {
                EdgeosLive live = EdgeosLive.parse(read(session, EdgeosLive.readScript(files)));
                Map<String, String> snapshot = present(live.files());
                live.configBoot().ifPresent(text -> snapshot.put(EdgeosLive.CONFIG_BOOT, text));
                snapshot.put(Snapshot.ACTIVE_DHCP, live.active().subtree("service", "dhcp-server").toBoot());
                yield new Reading(edgeos.apply(live), live.dhcpdRunning(), new TreeMap<>(snapshot), live.lock(), live.records());
            }
            case OPENWRT -> {
                OpenwrtLive live = OpenwrtLive.parse(read(session, OpenwrtLive.readScript(files)));
                Map<String, String> snapshot = present(live.files());
                live.dhcpFile().ifPresent(text -> snapshot.put(OpenwrtLive.DHCP, text));
                yield new Reading(openwrt.apply(live), live.dnsmasqRunning(), new TreeMap<>(snapshot), live.lock(), live.records());
            }
        };
    }

    private static Map<String, String> present(Map<String, Optional<String>> files) {
        Map<String, String> out = new TreeMap<>();
        files.forEach((path, content) -> content.ifPresent(text -> out.put(path, text)));
        return out;
    }

    private static String read(RouterSession session, String script) {
        ExecResult r = session.exec(script);
        if (r.status() != 0) {
            throw new RouterAgentException("reading the router's DHCP configuration failed with status "
                    + r.status() + ": " + r.stderr().strip() + " (is this the router kind the inventory says?)");
        }
        return r.stdout();
    }
}
