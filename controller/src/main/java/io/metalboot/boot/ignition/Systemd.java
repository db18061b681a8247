package io.metalboot.boot.ignition;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/** {@code systemd.units}: name, enabled (CLC's {@code enable} too), mask, contents, dropins. */
final class Systemd {
    private static final Set<String> UNIT = Set.of("name", "enable", "enabled", "mask", "contents", "dropins");
    private static final Set<String> DROPIN = Set.of("name", "contents");

    private Systemd() {
    }

    static ObjectNode of(YamlTree t, Node node) {
        Map<String, Node> systemd = t.mapping(node, "systemd");
        t.keys(systemd, Set.of("units"), "systemd");
        ObjectNode out = Ignition.object();
        ArrayNode units = out.putArray("units");
        if (!systemd.containsKey("units")) {
            return out;
        }
        for (Node item : t.sequence(systemd.get("units"), "systemd.units")) {
            Map<String, Node> u = t.mapping(item, "a systemd unit");
            t.keys(u, UNIT, "systemd.units[]");
            if (!u.containsKey("name")) {
                throw t.error(item, "a systemd unit needs a name (e.g. install.service)");
            }
            ObjectNode unit = units.addObject();
            unit.put("name", t.scalar(u.get("name"), "name"));
            if (u.containsKey("enable") || u.containsKey("enabled")) {
                Node flag = u.containsKey("enabled") ? u.get("enabled") : u.get("enable");
                unit.put("enabled", t.bool(flag, "enabled"));
            }
            if (u.containsKey("mask")) {
                unit.put("mask", t.bool(u.get("mask"), "mask"));
            }
            if (u.containsKey("contents")) {
                unit.put("contents", t.scalar(u.get("contents"), "contents"));
            }
            if (u.containsKey("dropins")) {
                ArrayNode dropins = unit.putArray("dropins");
                for (Node d : t.sequence(u.get("dropins"), "dropins")) {
                    Map<String, Node> dm = t.mapping(d, "a dropin");
                    t.keys(dm, DROPIN, "dropins[]");
                    ObjectNode dropin = dropins.addObject().put("name", t.scalar(dm.get("name"), "dropin name"));
                    if (dm.containsKey("contents")) {
                        dropin.put("contents", t.scalar(dm.get("contents"), "dropin contents"));
                    }
                }
            }
        }
        return out;
    }
}
