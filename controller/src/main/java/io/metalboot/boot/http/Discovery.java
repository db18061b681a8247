package io.metalboot.boot.http;

import io.helidon.webserver.http.ServerRequest;
import io.metalboot.boot.BootException;
import io.metalboot.boot.DataDir;
import io.metalboot.boot.Labels;
import io.metalboot.boot.events.BootEvents;
import io.metalboot.inventory.UnknownMachines;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Machines no group selects by MAC: recorded as {@code discovered} with what their firmware said, on their
 * {@code /ipxe} request and on the report the discover script sends to {@code /discover}. The report's values are
 * kept as sent (cut short, control characters replaced): they are escaped where they are shown.
 */
final class Discovery {
    /** What a firmware may say about itself, as query parameters. */
    static final List<String> FIELDS = List.of("uuid", "serial", "hostname", "arch", "platform", "manufacturer", "product", "memsize");
    static final int MAX_VALUE = 64;

    private Discovery() {
    }

    /** The firmware's words among {@code labels}. */
    static Map<String, String> details(Labels labels) {
        Map<String, String> out = new TreeMap<>();
        for (String key : FIELDS) {
            String v = labels.values().get(key);
            if (v != null && !v.isEmpty()) {
                out.put(key, v);
            }
        }
        return out;
    }

    /** An unknown machine asked {@code endpoint}: recorded, unless the inventory says to ignore such machines. */
    static void seen(BootEvents events, DataDir data, Labels labels, String ip, String endpoint, UnknownMachines policy) {
        if (policy != UnknownMachines.IGNORE) {
            Map<String, String> details = details(labels);
            details.put("unknownMachines", policy.word());
            events.seen(labels.values().get("mac"), ip, "discovered", endpoint, "", 200, details);
        }
    }

    /** {@code /discover?mac=…&uuid=…}: the discover script's report. */
    static String report(BootEvents events, DataDir data, ServerRequest req) {
        Labels.checkEncoding(req.query().rawValue());
        var query = req.query();
        if (!query.contains("mac")) {
            throw BootException.badRequest("/discover needs mac=… (the discover script sends it: mac=${mac:hexhyp})");
        }
        String mac = Labels.mac(query.get("mac"));
        if (data.selection().selectsMac(mac)) {
            return "known: " + mac + " is selected by a group; nothing recorded\n";
        }
        Map<String, String> details = new TreeMap<>();
        for (String key : FIELDS) {
            if (query.contains(key)) {
                String v = query.all(key).get(0).replaceAll("\\p{Cntrl}", "?");
                if (!v.isBlank()) {
                    details.put(key, v.length() > MAX_VALUE ? v.substring(0, MAX_VALUE) : v);
                }
            }
        }
        events.seen(mac, BootRoutes.ip(req), "discovered", "discover", "", 200, details);
        return "recorded " + mac + "\n";
    }
}
