package io.metalboot.router.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.metalboot.router.RouterAgentException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/** The state file's JSON form, read strictly (every error names file, field and value) and written stably. */
final class OwnershipJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final List<String> TOP = List.of("format", "tool", "router", "owned", "lastApplied");

    private OwnershipJson() {
    }

    static String write(Ownership ownership) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", Ownership.FORMAT);
        root.put("tool", Ownership.TOOL);
        root.put("router", ownership.router().label());
        ObjectNode owned = root.putObject("owned");
        for (EntryKind kind : ownership.router().ownable()) {
            ArrayNode keys = owned.putArray(kind.jsonField().orElseThrow());
            ownership.owned(kind).forEach(keys::add);
        }
        ownership.lastApplied().ifPresent(last -> {
            ObjectNode node = root.putObject("lastApplied");
            node.put("revision", last.revision());
            node.put("time", last.time().toString());
        });
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"))
                .withObjectIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"));
        try {
            return MAPPER.writer(printer).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON tree built in memory", e);
        }
    }

    static Ownership read(String json, String source, RouterKind expected) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new RouterAgentException(source + ": not valid JSON (" + e.getOriginalMessage() + " at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr()
                    + "); fix the file or remove it (metalboot then owns nothing on this router)", e);
        }
        if (root == null || !root.isObject()) {
            throw error(source, "", root == null ? "empty" : shown(root), "expected a JSON object");
        }
        unknownFields(root, TOP, source, "");
        JsonNode format = required(root, "format", source);
        if (!format.isInt() || format.intValue() != Ownership.FORMAT) {
            throw error(source, "format", shown(format), "this metalboot reads format " + Ownership.FORMAT
                    + "; use the metalboot version that wrote it, or remove the file");
        }
        JsonNode tool = required(root, "tool", source);
        if (!tool.isTextual() || !tool.textValue().equals(Ownership.TOOL)) {
            throw error(source, "tool", shown(tool), "expected \"" + Ownership.TOOL + "\"; this file was not written by metalboot");
        }
        JsonNode router = required(root, "router", source);
        if (!router.isTextual() || !router.textValue().equals(expected.label())) {
            throw error(source, "router", shown(router), "this is an " + expected.label()
                    + " router; the file belongs to another router kind (remove it if the router was replaced)");
        }
        Map<EntryKind, SortedSet<String>> owned = new EnumMap<>(EntryKind.class);
        JsonNode ownedNode = required(root, "owned", source);
        if (!ownedNode.isObject()) {
            throw error(source, "owned", shown(ownedNode), "expected an object of lists");
        }
        List<String> fields = expected.ownable().stream().map(kind -> kind.jsonField().orElseThrow()).toList();
        unknownFields(ownedNode, fields, source, "owned.");
        for (EntryKind kind : expected.ownable()) {
            String field = kind.jsonField().orElseThrow();
            owned.put(kind, strings(ownedNode.get(field), source, "owned." + field));
        }
        return new Ownership(expected, owned, lastApplied(root.get("lastApplied"), source));
    }

    private static SortedSet<String> strings(JsonNode node, String source, String field) {
        SortedSet<String> keys = new TreeSet<>();
        if (node == null) {
            return keys;
        }
        if (!node.isArray()) {
            throw error(source, field, shown(node), "expected a list of strings");
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            if (!item.isTextual() || item.textValue().isBlank()) {
                throw error(source, field + "[" + i + "]", shown(item), "expected a non-empty string");
            }
            keys.add(item.textValue());
        }
        return keys;
    }

    private static Optional<Ownership.LastApplied> lastApplied(JsonNode node, String source) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isObject()) {
            throw error(source, "lastApplied", shown(node), "expected an object with revision and time");
        }
        unknownFields(node, List.of("revision", "time"), source, "lastApplied.");
        JsonNode revision = required(node, "revision", source, "lastApplied.");
        if (!revision.isTextual() || revision.textValue().isBlank()) {
            throw error(source, "lastApplied.revision", shown(revision), "expected the revision id as a string");
        }
        JsonNode time = required(node, "time", source, "lastApplied.");
        try {
            if (!time.isTextual()) {
                throw new DateTimeParseException("not text", shown(time), 0);
            }
            return Optional.of(new Ownership.LastApplied(revision.textValue(), Instant.parse(time.textValue())));
        } catch (DateTimeParseException e) {
            throw error(source, "lastApplied.time", shown(time), "expected an ISO-8601 UTC time such as 2024-05-01T12:00:00Z");
        }
    }

    private static JsonNode required(JsonNode node, String field, String source) {
        return required(node, field, source, "");
    }

    private static JsonNode required(JsonNode node, String field, String source, String prefix) {
        JsonNode value = node.get(field);
        if (value == null) {
            throw new RouterAgentException(source + ": field '" + prefix + field + "' is missing"
                    + " (fix the file or remove it; metalboot then owns nothing on this router)");
        }
        return value;
    }

    private static void unknownFields(JsonNode node, List<String> known, String source, String prefix) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new RouterAgentException(source + ": field '" + prefix + name + "' is not known (expected "
                        + String.join(", ", known) + "); fix the file or remove it");
            }
        }
    }

    private static RouterAgentException error(String source, String field, String value, String why) {
        String where = field.isEmpty() ? "the document" : "field '" + field + "'";
        return new RouterAgentException(source + ": " + where + " is " + value + " (" + why + ")");
    }

    private static String shown(JsonNode node) {
        return node.toString();
    }
}
