package io.metalboot.boot;

import io.metalboot.boot.ignition.Ignition;
import io.metalboot.boot.ignition.IgnitionException;
import io.metalboot.boot.ignition.LocalFiles;
import io.metalboot.template.Template;
import io.metalboot.template.TemplateException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the boot endpoints answer for one machine, matchbox's way: the template data is the group's
 * metadata, then its selectors, then {@code request.query.*} and {@code request.raw_query} (and
 * bootcfg's {@code query}, the raw query, which the seed's templates use). A template that fails
 * is a 500 naming its file and line, never a 404.
 */
public final class Renderer {
    /** What {@code /boot.ipxe} answers: chain to {@code /ipxe} with the machine's identity. */
    public static final String BOOT_IPXE = "#!ipxe\nchain ipxe?uuid=${uuid}&mac=${mac:hexhyp}&domain=${domain}&hostname=${hostname}"
            + "&serial=${serial}&arch=${buildarch:uristring}\n";

    private Renderer() {
    }

    /** The group and profile for {@code labels}; 404 naming the labels when no group matches. */
    public static Match match(DataDir data, Labels labels) {
        Group g = data.select(labels).orElseThrow(() -> BootException.notFound("no group matches labels " + labels.values()
                + " (groups: " + String.join(", ", data.groups().stream().map(x -> x.id() + x.selector()).toList()) + ")"));
        return new Match(g, data.profiles().get(g.profile()), labels);
    }

    /** A machine's group and profile. */
    public record Match(Group group, Profile profile, Labels labels) {
        /** The template data. */
        public Map<String, Object> data() {
            Map<String, Object> data = new LinkedHashMap<>(group.metadata());
            data.putAll(group.selector());
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("query", new TreeMap<>(labels.values()));
            request.put("raw_query", labels.rawQuery());
            data.put("request", request);
            data.putIfAbsent("query", labels.rawQuery());
            return data;
        }
    }

    public static String ipxe(Match m) {
        Profile p = m.profile();
        if (p.kernel().isEmpty()) {
            throw BootException.notFound(p.file() + ": profile '" + p.id() + "' has no boot.kernel, so it has no iPXE script");
        }
        StringBuilder s = new StringBuilder("#!ipxe\nkernel ").append(p.kernel());
        p.args().forEach(arg -> s.append(' ').append(arg));
        s.append('\n');
        p.initrd().forEach(initrd -> s.append("initrd ").append(initrd).append('\n'));
        return s.append("boot\n").toString();
    }

    public static String grub(Match m) {
        Profile p = m.profile();
        StringBuilder s = new StringBuilder("default=0\ntimeout=1\nmenuentry \"").append(p.name().isEmpty() ? p.id() : p.name()).append("\" {\n");
        s.append("echo \"Loading kernel\"\nlinuxefi \"").append(p.kernel()).append('"');
        p.args().forEach(arg -> s.append(' ').append(arg));
        s.append("\necho \"Loading initrd\"\ninitrdefi");
        p.initrd().forEach(initrd -> s.append(" \"").append(initrd).append('"'));
        return s.append("\n}\n").toString();
    }

    /** The profile's Ignition template, rendered and turned into Ignition JSON. */
    public static String ignition(DataDir data, Match m) {
        String id = m.profile().ignitionId().orElseThrow(() -> BootException.notFound(m.profile().file() + ": profile '"
                + m.profile().id() + "' has no ignition_id"));
        String name = data.root().resolve("ignition").resolve(id).toString();
        // the template data is the group's and the request's labels, and the template functions are pure: so within one
        // loaded data dir these decide the rendered text, and with the files it read, the Ignition
        String key = id + '\0' + m.group().id() + '\0' + m.labels().rawQuery() + '\0' + new TreeMap<>(m.labels().values());
        try {
            return data.translated().get(key, LocalFiles.under(data.root()),
                    local -> Ignition.of(name, render(data.ignition().get(id), m), local));
        } catch (IgnitionException e) {
            throw BootException.broken(e.getMessage(), e);
        }
    }

    public static String generic(DataDir data, Match m) {
        String id = m.profile().genericId().orElseThrow(() -> BootException.notFound(m.profile().file() + ": profile '"
                + m.profile().id() + "' has no generic_id"));
        return render(data.generic().get(id), m);
    }

    /** matchbox's {@code /metadata}: the data flattened to sorted {@code KEY=value} lines, nested keys joined by {@code _}. */
    public static String metadata(Match m) {
        TreeMap<String, String> flat = new TreeMap<>();
        flatten("", m.data(), flat);
        StringBuilder s = new StringBuilder();
        flat.forEach((k, v) -> s.append(k).append('=').append(v).append('\n'));
        return s.toString();
    }

    private static void flatten(String prefix, Object value, Map<String, String> out) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> flatten(prefix.isEmpty() ? k.toString().toUpperCase() : prefix + "_" + k.toString().toUpperCase(), v, out));
        } else if (value instanceof List<?> list) {
            out.put(prefix, String.join(",", list.stream().map(String::valueOf).toList()));
        } else {
            out.put(prefix, String.valueOf(value));
        }
    }

    private static String render(Template t, Match m) {
        try {
            return t.render(m.data());
        } catch (TemplateException e) {
            throw BootException.broken(e.getMessage(), e);
        }
    }
}
