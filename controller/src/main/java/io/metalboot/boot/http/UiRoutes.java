package io.metalboot.boot.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.metalboot.boot.BootException;
import io.metalboot.boot.events.Board;
import io.metalboot.boot.events.BootEvents;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code /ui}: a read-only page on the lab. The page itself, its script and style (from the classpath, nothing from
 * elsewhere: the page's Content-Security-Policy allows this server only), {@code /ui/machines} (every machine as
 * JSON), {@code /ui/lab} (the {@link Overview} panels) and {@code /ui/events} (machine updates as server-sent
 * events). Values from the network go out as JSON strings; the script puts them in the page as text only.
 */
final class UiRoutes implements HttpService {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self';"
            + " connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    /** Seconds between keep-alive comments on an idle stream. */
    static final int KEEP_ALIVE_SECONDS = 10;
    private final BootEvents events;
    private final Overview overview;
    private final AtomicBoolean closing;

    UiRoutes(BootEvents events, Overview overview, AtomicBoolean closing) {
        this.events = events;
        this.overview = overview;
        this.closing = closing;
    }

    @Override
    public void routing(HttpRules rules) {
        BootRoutes.get(rules, "/", (req, res) -> resource(req, res, "index.html", "text/html; charset=utf-8"));
        BootRoutes.get(rules, "/app.js", (req, res) -> resource(req, res, "app.js", "text/javascript; charset=utf-8"));
        BootRoutes.get(rules, "/app.css", (req, res) -> resource(req, res, "app.css", "text/css; charset=utf-8"));
        BootRoutes.get(rules, "/machines", (req, res) -> json(req, res, machines(events)));
        BootRoutes.get(rules, "/lab", (req, res) -> json(req, res, JSON.valueToTree(overview.panels())));
        rules.get("/events", this::stream);
    }

    private static void resource(ServerRequest req, ServerResponse res, String name, String type) {
        try (InputStream in = UiRoutes.class.getResourceAsStream("/io/metalboot/ui/" + name)) {
            if (in == null) {
                throw new BootException(500, "the page's " + name + " is missing from metalboot's jar (a broken build)");
            }
            res.header(HeaderNames.create("Content-Security-Policy"), CSP);
            res.header(HeaderNames.create("X-Content-Type-Options"), "nosniff");
            res.header(HeaderNames.CACHE_CONTROL, "no-cache");
            BootRoutes.send(req, res, type, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new BootException(500, "cannot read the page's " + name + ": " + e.getMessage(), e);
        }
    }

    private static void json(ServerRequest req, ServerResponse res, com.fasterxml.jackson.databind.JsonNode body) {
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        BootRoutes.send(req, res, "application/json", body.toString());
    }

    /** Every machine on the board, the most recently active first. */
    static ArrayNode machines(BootEvents events) {
        ArrayNode list = JSON.createArrayNode();
        events.board().all().forEach(r -> list.add(row(events, r)));
        return list;
    }

    static ObjectNode row(BootEvents events, Board.Row r) {
        ObjectNode n = JSON.createObjectNode().put("mac", r.mac()).put("client", r.client()).put("stage", r.stage())
                .put("discovered", r.discovered() && r.known().isEmpty());
        r.known().ifPresent(k -> n.put("name", k.name()).put("ip", k.ip()).put("role", k.role()));
        r.time().ifPresent(t -> n.put("time", t.toString()));
        r.firstSeen().ifPresent(t -> n.put("firstSeen", t.toString()));
        events.vendor(r.mac()).ifPresent(v -> n.put("vendor", v));
        ArrayNode stages = n.putArray("stages");
        r.stages().forEach(s -> stages.addObject().put("stage", s.stage()).put("time", s.time().toString()));
        ObjectNode details = n.putObject("details");
        r.details().forEach(details::put);
        if (r.discovered() && r.known().isEmpty()) {
            n.put("adopt", Adopt.command(r.mac(), r.details().getOrDefault("hostname", "")));
        }
        return n;
    }

    /** Machine updates as server-sent events ({@code event: machine}, one JSON row each) until the page goes away. */
    private void stream(ServerRequest req, ServerResponse res) {
        BlockingQueue<Board.Row> queue = events.watch().orElseThrow(() -> new BootException(503, BootEvents.MAX_WATCHERS
                + " pages are watching already; close one, or reload later"));
        try {
            res.header(HeaderNames.CONTENT_TYPE, "text/event-stream; charset=utf-8");
            res.header(HeaderNames.CACHE_CONTROL, "no-store");
            try (OutputStream out = res.outputStream()) {
                out.write(": metalboot machine updates\n\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
                int idle = 0;
                // a stream that fell behind ends: the page's EventSource reconnects and loads the whole list again
                while (!closing.get() && !events.fellBehind(queue)) {
                    Board.Row first = queue.poll(1, TimeUnit.SECONDS);
                    if (first == null) {
                        if (++idle >= KEEP_ALIVE_SECONDS) {
                            out.write(": keep-alive\n\n".getBytes(StandardCharsets.UTF_8));
                            out.flush();
                            idle = 0;
                        }
                        continue;
                    }
                    idle = 0;
                    List<Board.Row> rows = new ArrayList<>(List.of(first));
                    queue.drainTo(rows, 255);
                    StringBuilder text = new StringBuilder();
                    rows.forEach(r -> text.append("event: machine\ndata: ").append(row(events, r)).append("\n\n"));
                    out.write(text.toString().getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // the page went away
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            events.unwatch(queue);
        }
    }
}
