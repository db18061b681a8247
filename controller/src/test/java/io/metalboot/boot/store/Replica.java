package io.metalboot.boot.store;

import io.metalboot.boot.Progress;
import io.metalboot.boot.http.BootServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/** A boot server on a loopback port serving a store (tests): its answers as status and bytes. */
final class Replica implements AutoCloseable {
    final Store store;
    final Progress progress;
    final BootServer server;
    final AutoCloseable shared;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Replica(Store store, String name) {
        this.store = store;
        this.progress = new Progress(Map.of(), Map.of(), Clock.systemUTC(), name);
        this.shared = store instanceof EtcdStore e ? new SharedProgress(e.client(), e.target(), progress, Duration.ofMillis(200)) : () -> { };
        this.server = BootServer.start("127.0.0.1", 0, store, progress);
    }

    static Replica etcd(EtcdTarget target, Path local, String name) {
        return new Replica(EtcdStore.open(target, local, Duration.ofMillis(500)), name);
    }

    /** {@code STATUS BODY}. */
    String get(String path) {
        HttpResponse<byte[]> r = raw(path);
        return r.statusCode() + " " + new String(r.body(), java.nio.charset.StandardCharsets.UTF_8);
    }

    HttpResponse<byte[]> raw(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).timeout(Duration.ofSeconds(10))
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.io.IOException e) {
            throw new AssertionError("GET " + path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() throws Exception {
        server.close();
        shared.close();
        store.close();
    }
}
