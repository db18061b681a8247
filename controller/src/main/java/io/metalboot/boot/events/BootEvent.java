package io.metalboot.boot.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * One thing the boot server saw: {@code mac} reached {@code stage} ({@code ipxe}, {@code kernel}, {@code initrd},
 * {@code ignition}, {@code installed}, {@code tftp}, {@code discovered}) at {@code time}, asking {@code endpoint} from
 * {@code client}; the {@code profile} that answered (empty when none) and the answer's HTTP {@code status}.
 * {@code details} is what the firmware said about itself ({@code uuid}, {@code serial}, {@code hostname},
 * {@code arch}, {@code platform}, {@code memsize}) or, for TFTP, the {@code file}. Values are as the network sent
 * them: whoever renders them escapes them.
 */
public record BootEvent(Instant time, String mac, String stage, String client, String endpoint, String profile, int status,
        Map<String, String> details) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public BootEvent {
        details = java.util.Collections.unmodifiableMap(new TreeMap<>(details));
    }

    /** One line of the event log (no newline in it). */
    public String json() {
        ObjectNode n = JSON.createObjectNode().put("time", time.toString()).put("mac", mac).put("stage", stage).put("client", client)
                .put("endpoint", endpoint).put("profile", profile).put("status", status);
        ObjectNode d = n.putObject("details");
        details.forEach(d::put);
        return n.toString();
    }

    /** Reads a line {@link #json()} wrote; an {@link IllegalArgumentException} naming what is wrong otherwise. */
    public static BootEvent parse(String line) {
        JsonNode n;
        try {
            n = JSON.readTree(line);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
        if (n == null || !n.isObject() || !n.path("mac").isTextual() || !n.path("stage").isTextual() || !n.path("time").isTextual()) {
            throw new IllegalArgumentException("not a boot event (expected an object with time, mac and stage)");
        }
        Map<String, String> details = new TreeMap<>();
        n.path("details").properties().forEach(e -> details.put(e.getKey(), e.getValue().asText()));
        try {
            return new BootEvent(Instant.parse(n.get("time").asText()), n.get("mac").asText(), n.get("stage").asText(),
                    n.path("client").asText(), n.path("endpoint").asText(), n.path("profile").asText(), n.path("status").asInt(200), details);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("time '" + n.get("time").asText() + "' is not an instant", e);
        }
    }
}
