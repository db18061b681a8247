package io.metalboot.router.change;

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
        };
    }
}
