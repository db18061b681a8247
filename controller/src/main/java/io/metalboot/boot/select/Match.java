package io.metalboot.boot.select;

import io.metalboot.boot.BootException;
import io.metalboot.boot.DataDir;
import io.metalboot.boot.Group;
import io.metalboot.boot.Labels;
import io.metalboot.boot.Profile;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A machine's group and profile in one loaded data dir, chosen once per request: every answer to
 * the request is rendered from this match and {@code data}, never from a data dir read again.
 */
public record Match(DataDir data, Group group, Profile profile, Labels labels) {

    /** The group and profile for {@code labels} (see {@link GroupSelection}); 404 naming the labels when no group matches. */
    public static Match of(DataDir data, Labels labels) {
        Group g = data.select(labels).orElseThrow(() -> BootException.notFound("no group matches labels " + labels.values()
                + " (groups: " + String.join(", ", data.groups().stream().map(x -> x.id() + x.selector()).toList()) + ")"));
        return new Match(data, g, data.profiles().get(g.profile()), labels);
    }

    /**
     * The template data, matchbox's way: the group's metadata, then its selectors, then {@code request.query.*} and
     * {@code request.raw_query} (and bootcfg's {@code query}, the raw query, which the seed's templates use).
     */
    public Map<String, Object> templateData() {
        Map<String, Object> out = new LinkedHashMap<>(group.metadata());
        out.putAll(group.selector());
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("query", new TreeMap<>(labels.values()));
        request.put("raw_query", labels.rawQuery());
        out.put("request", request);
        out.putIfAbsent("query", labels.rawQuery());
        return out;
    }
}
