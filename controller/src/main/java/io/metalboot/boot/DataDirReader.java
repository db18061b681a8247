package io.metalboot.boot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** Reads matchbox's group and profile JSON strictly: unknown fields are errors naming the file, the field and the fix. */
final class DataDirReader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> GROUP_FIELDS = Set.of("id", "name", "profile", "selector", "metadata");
    private static final Set<String> PROFILE_FIELDS = Set.of("id", "name", "boot", "cloud_id", "ignition_id", "generic_id");
    private static final Set<String> BOOT_FIELDS = Set.of("kernel", "initrd", "args", "cmdline");

    private DataDirReader() {
    }

    static Group group(Path file, byte[] bytes) {
        JsonNode root = read(file, bytes);
        known(file, "", root, GROUP_FIELDS);
        TreeMap<String, String> selector = new TreeMap<>();
        JsonNode sel = root.path("selector");
        if (!sel.isMissingNode() && !sel.isObject()) {
            throw bad(file, "selector", sel, "an object of label: value");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = sel.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isValueNode()) {
                throw bad(file, "selector." + e.getKey(), e.getValue(), "a string");
            }
            String value = e.getValue().asText();
            try {
                selector.put(e.getKey(), e.getKey().equals("mac") ? Labels.mac(value) : value);
            } catch (BootException ex) {
                throw new BootException(500, file + ": selector.mac '" + value + "' is not a MAC address (expected e.g. 52:54:00:a1:9c:ae)");
            }
        }
        JsonNode meta = root.path("metadata");
        if (!meta.isMissingNode() && !meta.isObject()) {
            throw bad(file, "metadata", meta, "an object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> metadata = meta.isMissingNode() ? Map.of() : JSON.convertValue(meta, LinkedHashMap.class);
        return new Group(text(file, root, "id", true), text(file, root, "name", false), text(file, root, "profile", true), selector,
                metadata, file);
    }

    static Profile profile(Path file, byte[] bytes) {
        JsonNode root = read(file, bytes);
        known(file, "", root, PROFILE_FIELDS);
        JsonNode boot = root.path("boot");
        known(file, "boot.", boot, BOOT_FIELDS);
        List<String> initrd = strings(file, boot, "initrd");
        List<String> args = new ArrayList<>(strings(file, boot, "args"));
        JsonNode cmdline = boot.path("cmdline");
        if (!cmdline.isMissingNode()) {
            if (!cmdline.isObject()) {
                throw bad(file, "boot.cmdline", cmdline, "an object of argument: value");
            }
            TreeMap<String, String> sorted = new TreeMap<>();
            cmdline.fields().forEachRemaining(e -> sorted.put(e.getKey(), e.getValue().asText()));
            sorted.forEach((key, value) -> args.add(value.isEmpty() ? key : key + "=" + value));
        }
        return new Profile(text(file, root, "id", true), text(file, root, "name", false), text(file, boot, "kernel", false), initrd, args,
                optional(file, root, "ignition_id"), optional(file, root, "generic_id"), file);
    }

    private static JsonNode read(Path file, byte[] bytes) {
        try {
            JsonNode root = JSON.readTree(new String(bytes, StandardCharsets.UTF_8));
            if (root == null || !root.isObject()) {
                throw new BootException(500, file + ": not a JSON object (a matchbox group or profile is one {…} object)");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new BootException(500, file + ":" + e.getLocation().getLineNr() + ": not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static void known(Path file, String prefix, JsonNode node, Set<String> fields) {
        node.fieldNames().forEachRemaining(name -> {
            if (!fields.contains(name)) {
                throw new BootException(500, file + ": unknown field '" + prefix + name + "' (known: "
                        + String.join(", ", fields.stream().sorted().toList()) + "); remove it or fix its spelling");
            }
        });
    }

    private static String text(Path file, JsonNode node, String field, boolean required) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            if (required) {
                throw new BootException(500, file + ": missing '" + field + "' (every group needs id and profile, every profile an id)");
            }
            return "";
        }
        if (!value.isTextual()) {
            throw bad(file, field, value, "a string");
        }
        return value.asText();
    }

    private static Optional<String> optional(Path file, JsonNode node, String field) {
        String value = text(file, node, field, false);
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    private static List<String> strings(Path file, JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw bad(file, "boot." + field, value, "a list of strings");
        }
        List<String> out = new ArrayList<>();
        value.forEach(item -> out.add(item.asText()));
        return out;
    }

    private static BootException bad(Path file, String field, JsonNode value, String expected) {
        return new BootException(500, file + ": " + field + " " + value + " is not " + expected);
    }
}
