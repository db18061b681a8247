package io.metalboot.boot.ignition;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Turns a rendered config into Ignition spec 3.3.0 JSON: {@code .ign}/{@code .ignition} files are
 * JSON already (checked and passed on); YAML is Butane ({@code variant: fcos|flatcar}) or, without
 * {@code variant}, the Container Linux Config of the seed's bootcfg era. The JSON is built with
 * Jackson, never by pasting strings. Keys metalboot does not translate are errors, never dropped.
 */
public final class Ignition {
    /** 3.3.0: the newest spec the ignition-validate of Debian 12 (Ignition 2.14) and Flatcar stable both accept; 3.4.0 needs Ignition 2.15. */
    public static final String VERSION = "3.3.0";
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> ROOT_CLC = Set.of("ignition", "storage", "systemd", "passwd");
    private static final Set<String> ROOT_BUTANE = Set.of("variant", "version", "ignition", "storage", "systemd", "passwd", "kernel_arguments");

    private Ignition() {
    }

    /** The Ignition JSON for template file {@code name} rendered to {@code text}. */
    public static String of(String name, String text) {
        return of(name, text, LocalFiles.NONE);
    }

    /** As {@link #of(String, String)}, with Butane's {@code contents.local} read from {@code local}. */
    public static String of(String name, String text, LocalFiles local) {
        if (name.endsWith(".ign") || name.endsWith(".ignition")) {
            try {
                return JSON.writeValueAsString(JSON.readTree(text));
            } catch (JsonProcessingException e) {
                throw new IgnitionException(name + ":" + e.getLocation().getLineNr() + ": not valid JSON after rendering: "
                        + e.getOriginalMessage());
            }
        }
        YamlTree.Root root = YamlTree.parse(name, text);
        YamlTree t = root.tree();
        Map<String, Node> doc = root.map();
        boolean butane = doc.containsKey("variant");
        t.keys(doc, butane ? ROOT_BUTANE : ROOT_CLC, butane ? "a Butane config" : "a Container Linux Config");
        if (butane) {
            String variant = t.scalar(doc.get("variant"), "variant");
            if (!variant.equals("fcos") && !variant.equals("flatcar")) {
                throw t.error(doc.get("variant"), "variant '" + variant + "' is not fcos or flatcar");
            }
            if (doc.containsKey("kernel_arguments")) {
                throw t.error(doc.get("kernel_arguments"), "kernel_arguments is not translated by metalboot; put the arguments in the profile's boot.args");
            }
        }
        ObjectNode out = JSON.createObjectNode();
        out.putObject("ignition").put("version", VERSION);
        if (doc.containsKey("ignition")) {
            throw t.error(doc.get("ignition"), "the 'ignition' section (config merges, timeouts) is not translated by metalboot;"
                    + " write it as Ignition JSON (.ign)");
        }
        if (doc.containsKey("storage")) {
            out.set("storage", Storage.of(t, doc.get("storage"), local));
        }
        if (doc.containsKey("systemd")) {
            out.set("systemd", Systemd.of(t, doc.get("systemd")));
        }
        if (doc.containsKey("passwd")) {
            out.set("passwd", Passwd.of(t, doc.get("passwd")));
        }
        try {
            return JSON.writeValueAsString(out);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Ignition's inline contents: a {@code data:} URL with everything but unreserved characters percent-encoded. */
    static String dataUrl(String text) {
        return "data:," + URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static ArrayNode array() {
        return JSON.createArrayNode();
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    static JsonNode text(String value) {
        return JSON.getNodeFactory().textNode(value);
    }
}
