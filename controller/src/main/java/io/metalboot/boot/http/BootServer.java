package io.metalboot.boot.http;

import io.helidon.http.Method;
import io.helidon.http.PathMatchers;
import io.helidon.http.Status;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http1.Http1Config;
import io.metalboot.boot.BootException;
import io.metalboot.boot.Labels;
import io.metalboot.boot.Profile;
import io.metalboot.boot.Progress;
import io.metalboot.boot.events.BootEvents;
import io.metalboot.boot.store.Store;
import io.metalboot.inventory.UnknownMachines;
import java.util.Map;
import io.metalboot.bootarch.BootArchs;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

/**
 * metalboot's boot server: the matchbox endpoints ({@link BootRoutes}), {@code /assets/} from the
 * data dir through Helidon's static content (HEAD, ranges, ETag, Last-Modified; streamed; no
 * listings), request metrics, and every error mapped in one place.
 */
public final class BootServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(BootServer.class.getName());
    /** A connection idle this long (no request under way) is closed. */
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);
    /** A request whose headers have not all arrived this long after its request line is dropped. */
    static final Duration HEADER_TIMEOUT = Duration.ofSeconds(10);
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x1f\\x7f]");
    private final WebServer server;
    private final HeaderDeadline headerDeadline;
    private final CompletableFuture<Void> stopped;
    private final AtomicBoolean closing;

    private BootServer(WebServer server, HeaderDeadline headerDeadline, AtomicBoolean closing, CompletableFuture<Void> stopped) {
        this.server = server;
        this.headerDeadline = headerDeadline;
        this.closing = closing;
        this.stopped = stopped;
    }

    /**
     * Completes when the listener stops without {@link #close()}: Helidon ends its accept loop for good on a socket
     * error (such as running out of file descriptors), so {@code serve} exits non-zero for a supervisor to restart it.
     */
    public CompletableFuture<Void> stoppedUnexpectedly() {
        return stopped;
    }

    /**
     * What a server records and shows besides the boot data: where boot events go, what an unknown machine is
     * answered, and the page's panels on the lab.
     */
    public record Options(BootEvents events, UnknownMachines unknownMachines, Overview overview) {
        /** Progress in memory only, unknown machines installed by the catch-all group (matchbox's way), no lab panels. */
        public static Options of(Progress progress) {
            return new Options(BootEvents.inMemory(progress), UnknownMachines.INSTALL, Overview.NONE);
        }
    }

    /** Binds {@code host:port} (0: any free port) and serves {@code store}. */
    public static BootServer start(String host, int port, Store store, Progress progress) {
        return start(host, port, store, Options.of(progress));
    }

    /** As {@link #start(String, int, Store, Progress)}, with events kept, unknown machines handled and a page as {@code options} say. */
    public static BootServer start(String host, int port, Store store, Options options) {
        return start(host, port, store, options, IDLE_TIMEOUT, HEADER_TIMEOUT);
    }

    /** As {@link #start(String, int, Store, Progress)} with other timeouts (tests). */
    static BootServer start(String host, int port, Store store, Progress progress, Duration idle, Duration header) {
        return start(host, port, store, Options.of(progress), idle, header);
    }

    static BootServer start(String host, int port, Store store, Options options, Duration idle, Duration header) {
        Metrics metrics = new Metrics();
        HeaderDeadline headerDeadline = new HeaderDeadline(header);
        CompletableFuture<Void> stopped = new CompletableFuture<>();
        AtomicBoolean closing = new AtomicBoolean();
        int maxConnections = Limits.maxConnections();
        // iPXE sends MACs with ':' in the query (mac=${mac}), which Helidon's request-line check refuses; labels are
        // checked by Labels instead, and asset paths by Assets
        WebServer server = WebServer.builder().host(host).port(port)
                .maxTcpConnections(maxConnections)
                .idleConnectionTimeout(idle)
                .idleConnectionPeriod(Duration.ofSeconds(Math.max(1, Math.min(5, idle.toSeconds() / 2))))
                .addProtocol(Http1Config.builder().validatePrologue(false).addReceiveListener(headerDeadline).build())
                .connectionOptions(ReadTimeout.of(idle))
                .directHandlers(io.helidon.webserver.http.DirectHandlers.builder()
                        .addHandler(io.helidon.http.DirectHandler.EventType.INTERNAL_ERROR, BootServer::unreadable).build())
                .routing(r -> routing(r, store, options, metrics, closing)).build().start();
        if (server.port() < 0) {
            // Helidon logs the bind failure and returns a server without a listener; never keep running like that
            closing.set(true);
            server.stop();
            headerDeadline.close();
            throw new BootException(500, "cannot listen on " + host + ":" + port + " (port taken, address not on this machine,"
                    + " or a port below 1024 without root); pick another with --http HOST:PORT");
        }
        LOG.log(Level.INFO, "serving store={0} on http://{1}:{2}/ max-connections={3}", store.describe(), host,
                Integer.toString(server.port()), Integer.toString(maxConnections));
        ListenerWatch.start(server.port(), closing, stopped);
        return new BootServer(server, headerDeadline, closing, stopped);
    }

    /** The routing, shared by {@link #start} and the tests. */
    static void routing(HttpRouting.Builder r, Store store, Progress progress, Metrics metrics) {
        routing(r, store, Options.of(progress), metrics, new AtomicBoolean());
    }

    static void routing(HttpRouting.Builder r, Store store, Options options, Metrics metrics, AtomicBoolean closing) {
        BootEvents events = options.events();
        r.addFilter((chain, req, res) -> {
            long start = System.nanoTime();
            String path = req.path().path(); // before routing: a registered service sees its path relative to itself
            if (CONTROL.matcher(path).find()) {
                error(req, res, BootException.badRequest("the path holds a control character (%00 to %1F or %7F), which no name"
                        + " served here has; remove it from the URL"));
            } else {
                chain.proceed();
            }
            metrics.request(Metrics.endpoint(path), res.status().code(), res.bytesWritten(), System.nanoTime() - start);
        });
        r.register(new BootRoutes(store, events, options.unknownMachines(), metrics));
        r.register("/ui", new UiRoutes(events, options.overview(), closing));
        Assets assets = new Assets(store.snapshot().root());
        r.route(Method.predicate(Method.GET, Method.HEAD), PathMatchers.create(Assets.PREFIX + "*"), (req, res) -> {
            String path = req.path().path();
            Assets.Found found = assets.find(path);
            if (Assets.send(req, res, found) && req.prologue().method() == Method.GET) {
                String ip = BootRoutes.ip(req);
                for (Profile p : store.snapshot().profiles().values()) {
                    if (path.equals(pathOf(p.kernel()))) {
                        events.seenAt(ip, "kernel", path, Map.of());
                    } else if (p.initrd().stream().anyMatch(i -> path.equals(pathOf(i)))) {
                        events.seenAt(ip, "initrd", path, Map.of());
                    }
                }
            }
        });
        Assets loaders = new Assets(store.snapshot().root(), "tftpboot"); // UEFI HTTP boot fetches its first loader here
        r.route(Method.predicate(Method.GET, Method.HEAD), PathMatchers.create(BootArchs.LOADERS_PATH + "*"), (req, res) -> {
            if (Assets.send(req, res, loaders.find(req.path().path())) && req.prologue().method() == Method.GET) {
                events.seenAt(BootRoutes.ip(req), "loader", req.path().path(), Map.of());
            }
        });
        r.error(BootException.class, BootServer::error);
    }

    /**
     * Helidon answers 500 when its own request-line parser throws (a method with a byte that is not ASCII, say),
     * before any route or filter runs; such a request is the client's fault: 400. Failures inside routing carry the
     * request and keep their status.
     */
    private static io.helidon.http.DirectHandler.TransportResponse unreadable(io.helidon.http.DirectHandler.TransportRequest request,
            io.helidon.http.DirectHandler.EventType type, Status status, io.helidon.http.ServerResponseHeaders headers, String message) {
        boolean unparsed = request.method().isEmpty();
        return io.helidon.http.DirectHandler.TransportResponse.builder().headers(headers)
                .status(unparsed ? Status.BAD_REQUEST_400 : status)
                .entity(unparsed ? "the request line could not be read (the method must be a word of ASCII letters, e.g. GET)\n"
                        : message == null ? "" : message)
                .build();
    }

    /** Every refusal and failure answers here: its status, its message as text, one log line. */
    private static void error(io.helidon.webserver.http.ServerRequest req, io.helidon.webserver.http.ServerResponse res,
            BootException e) {
        LOG.log(e.status() >= 500 ? Level.ERROR : Level.WARNING, "{0} {1}: {2}", req.prologue().method().text(),
                Labels.printable(req.path().path()), Labels.printable(e.getMessage(), 1000));
        res.status(Status.create(e.status()));
        BootRoutes.send(req, res, BootRoutes.TEXT, e.getMessage() + "\n");
    }

    /** The path of a profile's kernel or initrd reference (a URL or a path). */
    static String pathOf(String ref) {
        String first = ref.split("\\s+")[0];
        try {
            return URI.create(first).getPath();
        } catch (IllegalArgumentException e) {
            return first;
        }
    }

    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        closing.set(true);
        server.stop();
        headerDeadline.close();
    }
}
