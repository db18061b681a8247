package io.metalboot.router.change;

import io.metalboot.router.RouterAgentException;
import io.metalboot.router.dialect.RouterDialect;
import io.metalboot.router.edgeos.EdgeosDialect;
import io.metalboot.router.openwrt.OpenwrtDialect;
import io.metalboot.router.plan.RouterKind;

/** The router kinds' dialects: a new kind is one line here (and its constant in {@link RouterKind}). */
public final class Dialects {
    private Dialects() {
    }

    public static RouterDialect of(RouterKind kind) {
        return switch (kind) {
            case EDGEOS -> new EdgeosDialect();
            case OPENWRT -> new OpenwrtDialect();
            case NONE -> throw new RouterAgentException("router.kind is none: metalboot does not connect to this router (machines"
                    + " boot through 'metalboot serve --proxy-dhcp'); set router.kind to edgeos or openwrt to manage it");
        };
    }
}
