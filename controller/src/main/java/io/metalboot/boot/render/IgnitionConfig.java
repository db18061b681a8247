package io.metalboot.boot.render;

import io.metalboot.boot.BootException;
import io.metalboot.boot.DataDir;
import io.metalboot.boot.ignition.Ignition;
import io.metalboot.boot.ignition.IgnitionException;
import io.metalboot.boot.ignition.LocalFiles;
import io.metalboot.boot.select.Match;
import java.util.TreeMap;

/**
 * {@code /ignition}: the profile's Ignition template rendered and turned into Ignition JSON, its
 * {@code contents.local} files read from this server's own directory; kept in the match's data dir's
 * {@link IgnitionCache}.
 */
public final class IgnitionConfig {
    private IgnitionConfig() {
    }

    public static String of(Match m) {
        DataDir data = m.data();
        String id = m.profile().ignitionId().orElseThrow(() -> BootException.notFound(m.profile().file() + ": profile '"
                + m.profile().id() + "' has no ignition_id"));
        String name = data.origin().resolve("ignition").resolve(id).toString();
        // the template data is the group's and the request's labels, and the template functions are pure: so within one
        // loaded data dir these decide the rendered text, and with the files it read, the Ignition
        String key = id + '\0' + m.group().id() + '\0' + m.labels().rawQuery() + '\0' + new TreeMap<>(m.labels().values());
        try {
            return data.translated().get(key, LocalFiles.under(data.root()),
                    local -> Ignition.of(name, Templates.render(data.ignition().get(id), m), local));
        } catch (IgnitionException e) {
            throw BootException.broken(e.getMessage(), e);
        }
    }
}
