package io.metalboot.assets;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A file server on 127.0.0.1 with what a mirror does for resumable downloads: {@code Range:
 * bytes=N-} answered with 206 and {@code Content-Range}, 416 past the end, a strong ETag honoured in
 * {@code If-Range}. Faults on demand: cut the next response after some bytes, stall it, or ignore
 * ranges. Records every request.
 */
public final class AssetServer implements AutoCloseable {
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-");

    /** One request as the server saw it. */
    public record Request(String path, Optional<String> range, Optional<String> ifRange, int status) {
    }

    private final HttpServer server;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final Map<String, Integer> cuts = new ConcurrentHashMap<>();
    private final Map<String, Integer> stalls = new ConcurrentHashMap<>();
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);
    private volatile boolean ignoreRanges;

    public AssetServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "asset-server");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    public String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/amd64-usr";
    }

    /** Serves {@code content} at {@code /amd64-usr/PATH}. */
    public void put(String path, byte[] content) {
        files.put("/amd64-usr/" + path, content);
    }

    /** The next response for PATH sends {@code bytes} of the body, then drops the connection. */
    public void cutNext(String path, int bytes) {
        cuts.put("/amd64-usr/" + path, bytes);
    }

    /** The next response for PATH sends {@code bytes}, then sends nothing more until the server closes. */
    public void stallNext(String path, int bytes) {
        stalls.put("/amd64-usr/" + path, bytes);
    }

    /** The next request for PATH is answered with {@code status} and no body. */
    public void failNext(String path, int status) {
        failures.put("/amd64-usr/" + path, status);
    }

    public void ignoreRanges(boolean ignore) {
        ignoreRanges = ignore;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public List<Request> requests(String path) {
        return requests.stream().filter(r -> r.path().equals("/amd64-usr/" + path)).toList();
    }

    static String etag(byte[] content) {
        return "\"" + Integer.toHexString(java.util.Arrays.hashCode(content)) + "-" + content.length + "\"";
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        Optional<String> range = Optional.ofNullable(ex.getRequestHeaders().getFirst("Range"));
        Optional<String> ifRange = Optional.ofNullable(ex.getRequestHeaders().getFirst("If-Range"));
        byte[] content = files.get(path);
        try (ex) {
            Integer failure = failures.remove(path);
            if (failure != null) {
                requests.add(new Request(path, range, ifRange, failure));
                ex.sendResponseHeaders(failure, -1);
                return;
            }
            if (content == null) {
                requests.add(new Request(path, range, ifRange, 404));
                ex.sendResponseHeaders(404, -1);
                return;
            }
            ex.getResponseHeaders().set("ETag", etag(content));
            ex.getResponseHeaders().set("Accept-Ranges", "bytes");
            int start = 0;
            int status = 200;
            Matcher m = range.map(RANGE::matcher).filter(Matcher::matches).orElse(null);
            boolean rangeApplies = m != null && !ignoreRanges && ifRange.map(v -> v.equals(etag(content))).orElse(true);
            if (rangeApplies) {
                long from = Long.parseLong(m.group(1));
                if (from >= content.length) {
                    requests.add(new Request(path, range, ifRange, 416));
                    ex.getResponseHeaders().set("Content-Range", "bytes */" + content.length);
                    ex.sendResponseHeaders(416, -1);
                    return;
                }
                start = (int) from;
                status = 206;
                ex.getResponseHeaders().set("Content-Range", "bytes " + start + "-" + (content.length - 1) + "/" + content.length);
            }
            requests.add(new Request(path, range, ifRange, status));
            int length = content.length - start;
            ex.sendResponseHeaders(status, length);
            OutputStream body = ex.getResponseBody();
            Integer cut = cuts.remove(path);
            Integer stall = stalls.remove(path);
            int send = cut != null ? Math.min(cut, length) : stall != null ? Math.min(stall, length) : length;
            body.write(content, start, send);
            body.flush();
            if (stall != null) {
                awaitClose();
            }
            if (cut != null || stall != null) {
                // too few bytes for the announced length: closing drops the connection
                try {
                    body.close();
                } catch (IOException expected) {
                    // "insufficient bytes written to stream"
                }
            }
        } catch (IOException e) {
            // the client went away (a stalled or cut transfer): nothing to answer
        }
    }

    private void awaitClose() {
        try {
            closing.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
    }
}
