package io.metalboot.boot.ignition;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/**
 * {@code storage.files}, {@code directories} and {@code links}. Contents: {@code inline} or Butane's
 * {@code local} (both become a data URL; a private key needs a mode without group or other bits) or
 * a URL ({@code source} in Butane, {@code remote.url} in CLC). CLC's {@code filesystem: root} is the
 * only filesystem accepted (Ignition 3 paths are absolute in the root filesystem).
 */
final class Storage {
    private static final Set<String> STORAGE = Set.of("files", "directories", "links");
    private static final Set<String> FILE = Set.of("path", "filesystem", "mode", "overwrite", "contents", "user", "group");
    private static final Set<String> CONTENTS = Set.of("inline", "local", "source", "remote");
    private static final Set<String> DIRECTORY = Set.of("path", "filesystem", "mode", "overwrite", "user", "group");
    private static final Set<String> LINK = Set.of("path", "filesystem", "target", "hard", "overwrite", "user", "group");
    private static final Set<String> OWNER = Set.of("name", "id");

    private Storage() {
    }

    static ObjectNode of(YamlTree t, Node node, LocalFiles local) {
        Map<String, Node> storage = t.mapping(node, "storage");
        t.keys(storage, STORAGE, "storage");
        ObjectNode out = Ignition.object();
        if (storage.containsKey("files")) {
            ArrayNode files = out.putArray("files");
            for (Node item : t.sequence(storage.get("files"), "storage.files")) {
                Map<String, Node> f = t.mapping(item, "a file");
                t.keys(f, FILE, "storage.files[]");
                ObjectNode file = common(t, item, f, files.addObject());
                if (f.containsKey("contents")) {
                    file.set("contents", contents(t, f.get("contents"), local, file));
                }
            }
        }
        if (storage.containsKey("directories")) {
            ArrayNode dirs = out.putArray("directories");
            for (Node item : t.sequence(storage.get("directories"), "storage.directories")) {
                Map<String, Node> d = t.mapping(item, "a directory");
                t.keys(d, DIRECTORY, "storage.directories[]");
                common(t, item, d, dirs.addObject());
            }
        }
        if (storage.containsKey("links")) {
            ArrayNode links = out.putArray("links");
            for (Node item : t.sequence(storage.get("links"), "storage.links")) {
                Map<String, Node> l = t.mapping(item, "a link");
                t.keys(l, LINK, "storage.links[]");
                ObjectNode link = common(t, item, l, links.addObject());
                if (!l.containsKey("target")) {
                    throw t.error(item, "a link needs a target");
                }
                link.put("target", t.scalar(l.get("target"), "target"));
                if (l.containsKey("hard")) {
                    link.put("hard", t.bool(l.get("hard"), "hard"));
                }
            }
        }
        return out;
    }

    private static ObjectNode common(YamlTree t, Node item, Map<String, Node> m, ObjectNode out) {
        if (!m.containsKey("path") || !t.scalar(m.get("path"), "path").startsWith("/")) {
            throw t.error(item, "an entry needs an absolute path (e.g. /etc/hostname)");
        }
        if (m.containsKey("filesystem") && !t.scalar(m.get("filesystem"), "filesystem").equals("root")) {
            throw t.error(m.get("filesystem"), "filesystem '" + t.scalar(m.get("filesystem"), "filesystem")
                    + "' is not translated; only 'root' (Ignition 3 paths are absolute)");
        }
        out.put("path", t.scalar(m.get("path"), "path"));
        if (m.containsKey("mode")) {
            out.put("mode", t.mode(m.get("mode"), "mode"));
        }
        if (m.containsKey("overwrite")) {
            out.put("overwrite", t.bool(m.get("overwrite"), "overwrite"));
        }
        for (String who : new String[] {"user", "group"}) {
            if (m.containsKey(who)) {
                Map<String, Node> o = t.mapping(m.get(who), who);
                t.keys(o, OWNER, who);
                ObjectNode owner = out.putObject(who);
                if (o.containsKey("name")) {
                    owner.put("name", t.scalar(o.get("name"), "name"));
                }
                if (o.containsKey("id")) {
                    owner.put("id", Integer.parseInt(t.scalar(o.get("id"), "id")));
                }
            }
        }
        return out;
    }

    private static ObjectNode contents(YamlTree t, Node node, LocalFiles local, ObjectNode file) {
        Map<String, Node> c = t.mapping(node, "contents");
        t.keys(c, CONTENTS, "contents");
        if (c.size() > 1) {
            throw t.error(node, "contents has " + String.join(" and ", c.keySet()) + "; give exactly one of inline, local, source");
        }
        ObjectNode out = Ignition.object();
        if (c.containsKey("inline") || c.containsKey("local")) {
            String text = c.containsKey("inline") ? t.scalar(c.get("inline"), "inline")
                    : local.read(t, c.get("local"), t.scalar(c.get("local"), "local"));
            if (text.contains("PRIVATE KEY-----") && (!file.has("mode") || (file.get("mode").asInt() & 077) != 0)) {
                throw t.error(node, file.get("path").asText() + " holds a private key but its mode is "
                        + (file.has("mode") ? "0" + Integer.toOctalString(file.get("mode").asInt()) : "not set (Ignition's default is 0644)")
                        + "; give it mode: 0600");
            }
            out.put("source", Ignition.dataUrl(text));
        } else if (c.containsKey("source")) {
            out.put("source", t.scalar(c.get("source"), "source"));
        } else if (c.containsKey("remote")) {
            Map<String, Node> r = t.mapping(c.get("remote"), "remote");
            t.keys(r, Set.of("url"), "contents.remote");
            out.put("source", t.scalar(r.get("url"), "url"));
        }
        return out;
    }
}
