package io.metalboot.routercfg;

import io.metalboot.inventory.Inventory;
import io.metalboot.router.dialect.Desired;
import io.metalboot.router.edgeos.EdgeosLive;
import io.metalboot.router.edgeos.EdgeosDesired;
import io.metalboot.router.openwrt.OpenwrtDesired;
import java.util.Map;

/** What the router agent plans towards: the rendered router config in the planners' terms. */
public final class DesiredState {
    private DesiredState() {
    }

    /** The inventory's router kind's desired state, rendered once. */
    public static Desired of(Inventory inv, RouterTemplates templates) {
        return switch (inv.router().kind()) {
            case EDGEOS -> edgeos(inv, templates);
            case OPENWRT -> openwrt(inv, templates);
            case NONE -> throw new IllegalStateException("router.kind none has no router state to plan (this is a bug in metalboot:"
                    + " the command should have refused a router-less inventory first)");
        };
    }

    public static EdgeosDesired edgeos(Inventory inv, RouterTemplates templates) {
        EdgeosConfig cfg = EdgeosConfig.render(inv, templates);
        return new EdgeosDesired(cfg.tree(), Map.of(EdgeosLive.OPTION_SPACE_FILE, cfg.optionSpace(),
                EdgeosLive.GREEN_FILE, cfg.green()));
    }

    public static OpenwrtDesired openwrt(Inventory inv, RouterTemplates templates) {
        return new OpenwrtDesired(OpenwrtConfig.render(inv, templates).desired(), Map.of());
    }
}
