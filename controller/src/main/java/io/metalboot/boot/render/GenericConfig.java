package io.metalboot.boot.render;

import io.metalboot.boot.BootException;
import io.metalboot.boot.select.Match;

/** {@code /generic}: the profile's generic template, rendered. */
public final class GenericConfig {
    private GenericConfig() {
    }

    public static String of(Match m) {
        String id = m.profile().genericId().orElseThrow(() -> BootException.notFound(m.profile().file() + ": profile '"
                + m.profile().id() + "' has no generic_id"));
        return Templates.render(m.data().generic().get(id), m);
    }
}
