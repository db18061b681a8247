package io.metalboot.boot.http;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http1.Http1Config;
import io.helidon.webserver.staticcontent.FileSystemHandlerConfig;
import io.helidon.webserver.staticcontent.StaticContentFeature;
import io.metalboot.boot.BootException;
import io.metalboot.boot.LiveData;
import io.metalboot.boot.Profile;
import io.metalboot.boot.Progress;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * metalboot's boot server: the matchbox endpoints ({@link BootRoutes}), {@code /assets/} from the
 * data dir through Helidon's static content (HEAD, ranges, ETag, Last-Modified; streamed; no
 * listings), request metrics, and every error mapped in one place.
 */
public final class BootServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(BootServer.class.getName());
    private final WebServer server;

    private BootServer(WebServer server) {
        this.server = server;
    }

    /** Binds {@code host:port} (0: any free port) and serves {@code data}. */
    public static BootServer start(String host, int port, LiveData data, Progress progress) {
        Metrics metrics = new Metrics();
        // iPXE sends MACs with ':' in the query (mac=${mac}), which Helidon's request-line check refuses; labels are
        // checked by Labels instead, and asset paths by the static content handler
        WebServer server = WebServer.builder().host(host).port(port)
                .addProtocol(Http1Config.builder().validatePrologue(false).build())
                .routing(r -> routing(r, data, progress, metrics)).build().start();
        if (server.port() < 0) {
            // Helidon logs the bind failure and returns a server without a listener; never keep running like that
            server.stop();
            throw new BootException(500, "cannot listen on " + host + ":" + port + " (port taken, address not on this machine,"
                    + " or a port below 1024 without root); pick another with --http HOST:PORT");
        }
        LOG.log(Level.INFO, "serving data={0} on http://{1}:{2}/", data.get().root(), host, Integer.toString(server.port()));
        return new BootServer(server);
    }

    /** The routing, shared by {@link #start} and the tests. */
    static void routing(HttpRouting.Builder r, LiveData data, Progress progress, Metrics metrics) {
        r.addFilter((chain, req, res) -> {
            String path = req.path().path(); // before routing: a registered service sees its path relative to itself
            chain.proceed();
            String endpoint = path.startsWith("/assets/") ? "assets" : path.length() > 1 ? path.substring(1).split("/")[0] : "root";
            metrics.request(endpoint, res.status().code(), res.bytesWritten());
        });
        r.register(new BootRoutes(data, progress, metrics));
        r.any("/assets/*", (req, res) -> {
            String path = req.path().path();
            if (path.contains("/.") || path.endsWith(".part")) {
                // assets fetch keeps its lock and unverified downloads there: never hand them to a machine
                throw BootException.notFound(path + ": hidden files and downloads in progress (.part) are not served");
            }
            String ip = BootRoutes.ip(req);
            boolean get = req.prologue().method().text().equals("GET");
            res.whenSent(() -> {
                int code = res.status().code();
                if (get && (code == 200 || code == 206)) {
                    for (Profile p : data.get().profiles().values()) {
                        if (path.equals(pathOf(p.kernel()))) {
                            progress.seenAt(ip, "kernel");
                        } else if (p.initrd().stream().anyMatch(i -> path.equals(pathOf(i)))) {
                            progress.seenAt(ip, "initrd");
                        }
                    }
                }
            });
            res.next();
        });
        Path assets = data.get().root().resolve("assets");
        if (Files.isDirectory(assets)) {
            r.register("/assets", StaticContentFeature.createService(FileSystemHandlerConfig.builder().location(assets).build()));
        }
        r.error(BootException.class, (req, res, e) -> {
            LOG.log(e.status() >= 500 ? Level.ERROR : Level.WARNING, "{0} {1}: {2}", req.prologue().method().text(),
                    req.path().path(), e.getMessage());
            res.status(Status.create(e.status()));
            res.header(HeaderNames.CONTENT_TYPE, BootRoutes.TEXT);
            res.send((e.getMessage() + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        });
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
        server.stop();
    }
}
