package io.metalboot.boot.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.PathMatchers;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.metalboot.boot.BootException;
import io.metalboot.boot.Labels;
import io.metalboot.boot.Progress;
import io.metalboot.boot.render.GenericConfig;
import io.metalboot.boot.render.GrubConfig;
import io.metalboot.boot.render.IgnitionConfig;
import io.metalboot.boot.events.BootEvents;
import io.metalboot.boot.render.DiscoverScript;
import io.metalboot.boot.render.IpxeScript;
import io.metalboot.inventory.UnknownMachines;
import io.metalboot.boot.render.MetadataText;
import io.metalboot.boot.select.Match;
import io.metalboot.boot.store.Store;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The matchbox endpoints: they only match the request to a group and render (the work is in
 * {@code boot.render}). Each request reads the store's snapshot once, selects its group once, and
 * renders from that match: a reload in between never mixes two data sets in one answer.
 */
final class BootRoutes implements HttpService {
    static final String TEXT = "text/plain; charset=utf-8";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Store store;
    private final Progress progress;
    private final BootEvents events;
    private final UnknownMachines unknown;
    private final Metrics metrics;

    BootRoutes(Store store, BootEvents events, UnknownMachines unknown, Metrics metrics) {
        this.store = store;
        this.progress = events.progress();
        this.events = events;
        this.unknown = unknown;
        this.metrics = metrics;
    }

    /** The endpoints this service answers; {@link Metrics} counts everything else under one label. */
    static final java.util.Set<String> ENDPOINTS = java.util.Set.of("boot.ipxe", "boot.ipxe.0", "ipxe", "grub", "ignition",
            "generic", "metadata", "healthz", "metrics", "status", "discover");

    @Override
    public void routing(HttpRules rules) {
        get(rules, "/boot.ipxe", (req, res) -> send(req, res, TEXT, IpxeScript.CHAIN));
        get(rules, "/boot.ipxe.0", (req, res) -> send(req, res, TEXT, IpxeScript.CHAIN));
        get(rules, "/ipxe", (req, res) -> rendered(req, res, "ipxe", TEXT, IpxeScript::of));
        get(rules, "/grub", (req, res) -> rendered(req, res, "grub", TEXT, GrubConfig::of));
        get(rules, "/ignition", (req, res) -> rendered(req, res, "ignition", "application/vnd.coreos.ignition+json", IgnitionConfig::of));
        get(rules, "/generic", (req, res) -> rendered(req, res, "generic", TEXT, GenericConfig::of));
        get(rules, "/metadata", (req, res) -> rendered(req, res, "metadata", TEXT, MetadataText::of));
        get(rules, "/healthz", (req, res) -> send(req, res, TEXT, store.health().text()));
        get(rules, "/metrics", (req, res) -> send(req, res, "text/plain; version=0.0.4; charset=utf-8", metrics.text()));
        get(rules, "/status", (req, res) -> send(req, res, "application/json", status()));
        get(rules, "/discover", (req, res) -> send(req, res, TEXT, Discovery.report(events, store.snapshot(), req)));
    }

    /** GET, and HEAD with the same status and headers and no body (RFC 9110 9.3.2). */
    static void get(HttpRules rules, String path, io.helidon.webserver.http.Handler handler) {
        rules.route(Method.predicate(Method.GET, Method.HEAD), PathMatchers.exact(path), handler);
    }

    private void rendered(ServerRequest req, ServerResponse res, String endpoint, String type, Function<Match, String> body) {
        long start = System.nanoTime();
        Labels labels = labels(req);
        var data = store.snapshot();
        String mac = labels.values().get("mac");
        if (mac != null && (endpoint.equals("ipxe") || endpoint.equals("grub")) && !data.selection().selectsMac(mac)) {
            Discovery.seen(events, data, labels, ip(req), endpoint, unknown);
            if (unknown != UnknownMachines.INSTALL && endpoint.equals("ipxe")) {
                send(req, res, type, unknown == UnknownMachines.DISCOVER ? DiscoverScript.DISCOVER : DiscoverScript.IGNORE);
                return;
            }
        }
        Match match = Match.of(data, labels);
        String text = body.apply(match);
        metrics.rendered(endpoint, System.nanoTime() - start);
        if (mac != null && !endpoint.equals("metadata")) {
            boolean installed = "installed".equals(labels.values().get("os"));
            String stage = endpoint.equals("ignition") && installed ? "installed" : endpoint.equals("grub") ? "ipxe" : endpoint;
            events.seen(mac, ip(req), stage, endpoint, match.profile().id(), 200, Discovery.details(labels));
        }
        send(req, res, type, text);
    }

    static Labels labels(ServerRequest req) {
        var query = req.query();
        Labels.checkEncoding(query.rawValue()); // before anything decodes it
        Map<String, List<String>> all = new LinkedHashMap<>();
        for (String name : query.names()) {
            all.put(name, query.all(name));
        }
        return Labels.of(all, query.rawValue());
    }

    static String ip(ServerRequest req) {
        // an unresolved address (an in-memory client) has no InetAddress: its host string then
        return req.remotePeer().address() instanceof InetSocketAddress a && a.getAddress() != null ? a.getAddress().getHostAddress()
                : req.remotePeer().host();
    }

    private String status() {
        ArrayNode list = JSON.createArrayNode();
        for (Progress.Status s : progress.all()) {
            var n = list.addObject().put("mac", s.mac()).put("ip", s.ip()).put("stage", s.stage()).put("time", s.time().toString())
                    .put("stages", String.join(", ", s.stages()));
            s.name().ifPresent(name -> n.put("name", name));
            if (!s.replica().isEmpty()) {
                n.put("replica", s.replica());
            }
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(list) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw BootException.broken("cannot write the status: " + e.getMessage(), e);
        }
    }

    /** Sends {@code text}; to a HEAD request only its headers (Content-Length as GET would have it). */
    static void send(ServerRequest req, ServerResponse res, String type, String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        res.header(HeaderNames.CONTENT_TYPE, type);
        if (req.prologue().method() == Method.HEAD) {
            res.header(HeaderNames.CONTENT_LENGTH, Integer.toString(body.length));
            res.send();
        } else {
            res.send(body);
        }
    }
}
