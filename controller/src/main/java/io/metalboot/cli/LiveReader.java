package io.metalboot.cli;

import io.metalboot.inventory.Inventory;
import io.metalboot.router.RouterAgentException;
import io.metalboot.router.edgeos.EdgeosLive;
import io.metalboot.router.edgeos.EdgeosPlanner;
import io.metalboot.router.openwrt.OpenwrtLive;
import io.metalboot.router.openwrt.OpenwrtPlanner;
import io.metalboot.router.ssh.ExecResult;
import io.metalboot.router.ssh.RouterSession;
import io.metalboot.router.transaction.Reading;
import io.metalboot.router.transaction.RouterReader;
import io.metalboot.routercfg.DesiredState;
import io.metalboot.routercfg.RouterTemplates;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Reads the inventory's router in one round trip and plans against the inventory (as plan does). */
final class LiveReader implements RouterReader {
    static final String ACTIVE_DHCP = "(active) service dhcp-server";

    private final Inventory inv;
    private final RouterTemplates templates;

    LiveReader(Inventory inv, RouterTemplates templates) {
        this.inv = inv;
        this.templates = templates;
    }

    @Override
    public Reading read(RouterSession session) {
        return switch (inv.router().kind()) {
            case EDGEOS -> {
                EdgeosLive live = EdgeosLive.parse(read(session, EdgeosLive.readScript()));
                Map<String, String> files = present(live.files());
                live.configBoot().ifPresent(text -> files.put(EdgeosLive.CONFIG_BOOT, text));
                files.put(ACTIVE_DHCP, live.active().subtree("service", "dhcp-server").toBoot());
                yield new Reading(EdgeosPlanner.plan(live, DesiredState.edgeos(inv, templates)), live.dhcpdRunning(),
                        new TreeMap<>(files));
            }
            case OPENWRT -> {
                OpenwrtLive live = OpenwrtLive.parse(read(session, OpenwrtLive.readScript()));
                Map<String, String> files = present(live.files());
                live.dhcpFile().ifPresent(text -> files.put(OpenwrtLive.DHCP, text));
                yield new Reading(OpenwrtPlanner.plan(live, DesiredState.openwrt(inv, templates)), live.dnsmasqRunning(),
                        new TreeMap<>(files));
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
