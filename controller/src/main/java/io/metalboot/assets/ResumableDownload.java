package io.metalboot.assets;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Downloads one URL into a {@code .part} file, continuing a partial one with an HTTP range request.
 * A 206 appends; a 200 starts over from byte 0 (the server ignored the range, or the file changed:
 * {@code If-Range} carries the validator saved beside the part); a 416 means the part is complete,
 * or stale and started over. Connection errors, stalls and 5xx answers are retried a bounded number
 * of times, each attempt resuming where the last stopped.
 */
final class ResumableDownload implements AutoCloseable {
    static final String USER_AGENT = "metalboot/0.1.0";
    private static final int MAX_RESTARTS = 2;
    private static final int BUFFER = 64 * 1024;

    private final HttpClient client;
    private final FetchOptions options;
    private final TransferListener listener;
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "metalboot-download-watchdog");
        t.setDaemon(true);
        return t;
    });

    ResumableDownload(HttpClient client, FetchOptions options, TransferListener listener) {
        this.client = client;
        this.options = options;
        this.listener = listener;
    }

    static HttpClient client(FetchOptions options) {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(options.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** A download that cannot finish: the URL is not there, the server unreachable or refusing. */
    static final class Failed extends AssetsException {
        private static final long serialVersionUID = 1L;
        final boolean notFound;

        Failed(String message, boolean notFound, Throwable cause) {
            super(message, false, cause);
            this.notFound = notFound;
        }
    }

    /**
     * Downloads {@code url} into {@code part}, continuing what is there; returns the part's size.
     * {@code show} false keeps the transfer itself (not its retries) from the listener: a signature.
     */
    long fetch(URI url, Path part, String name, boolean show) {
        TransferListener listener = show ? this.listener : this.listener.notesOnly();
        int failures = 0;
        int restarts = 0;
        int attempts = 0;
        int maxAttempts = 10 * (options.retries() + 1);
        while (true) {
            attempts++;
            AtomicBoolean received = new AtomicBoolean();
            try {
                if (attempt(url, part, name, received, listener)) {
                    return Files.size(part);
                }
                if (++restarts > MAX_RESTARTS) {
                    throw new Failed(url + ": the server keeps answering ranges that do not fit " + part.getFileName()
                            + "; delete it and try again", false, null);
                }
            } catch (IOException e) {
                failures = received.get() ? failures : failures + 1;
                if (failures > options.retries() || attempts >= maxAttempts) {
                    throw new Failed(url + ": " + reason(e) + " (" + attempts + (attempts == 1 ? " attempt)" : " attempts)"), false, e);
                }
                Duration wait = options.backoff().multipliedBy(1L << Math.min(Math.max(failures - 1, 0), 6));
                long have = size(part);
                listener.note(name + ": " + reason(e) + "; retrying in " + wait.toMillis() / 1000.0 + " s"
                        + (have > 0 ? ", resuming at " + Sizes.bytes(have) : ""));
                sleep(wait);
            }
        }
    }

    /** One request: true when the part is complete, false to start over; IOException to retry. */
    private boolean attempt(URI url, Path part, String name, AtomicBoolean received, TransferListener listener) throws IOException {
        long have = size(part);
        Path ifRangeFile = Ranges.ifRangeFile(part);
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(options.connectTimeout()).header("User-Agent", USER_AGENT).GET();
        if (have > 0) {
            request.header("Range", "bytes=" + have + "-");
            Ranges.readIfRange(ifRangeFile).ifPresent(v -> request.header("If-Range", v));
        }
        HttpResponse<InputStream> response;
        try {
            response = client.send(request.build(), BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failed(url + ": interrupted", false, e);
        }
        try (InputStream body = response.body()) {
            int status = response.statusCode();
            switch (status) {
                case 200 -> {
                    if (have > 0) {
                        listener.note(name + ": the server sent the whole file instead of the rest; starting over from byte 0");
                    }
                    Ranges.saveIfRange(ifRangeFile, response);
                    copy(body, part, 0, contentLength(response), name, received, listener);
                    return true;
                }
                case 206 -> {
                    Optional<long[]> range = Ranges.contentRange(response);
                    if (range.isEmpty() || range.get()[0] != have) {
                        listener.note(name + ": the server answered another range than asked; starting over");
                        Files.deleteIfExists(part);
                        Files.deleteIfExists(ifRangeFile);
                        return false;
                    }
                    long total = range.get()[2];
                    copy(body, part, have, total < 0 ? OptionalLong.empty() : OptionalLong.of(total), name, received, listener);
                    return true;
                }
                case 416 -> {
                    Optional<long[]> range = Ranges.contentRange(response);
                    if (range.isPresent() && range.get()[2] == have) {
                        listener.finished(name, have);
                        return true;
                    }
                    listener.note(name + ": the partial download (" + Sizes.bytes(have) + ") does not fit the file on the server"
                            + " any more; starting over");
                    Files.deleteIfExists(part);
                    Files.deleteIfExists(ifRangeFile);
                    return false;
                }
                case 404, 410 -> throw new Failed(url + ": HTTP " + status + " Not Found", true, null);
                case 408, 429, 500, 502, 503, 504 -> throw new IOException("HTTP " + status + " from the server");
                default -> throw new Failed(url + ": HTTP " + status + " (expected 200 or 206)", false, null);
            }
        }
    }

    private void copy(InputStream body, Path part, long offset, OptionalLong total, String name, AtomicBoolean received,
            TransferListener listener) throws IOException {
        if (total.isPresent()) {
            long free = Files.getFileStore(part.toAbsolutePath().getParent()).getUsableSpace();
            if (free < total.getAsLong() - offset) {
                throw new Failed("not enough space for " + name + " in " + part.toAbsolutePath().getParent() + ": it needs "
                        + Sizes.bytes(total.getAsLong() - offset) + ", " + Sizes.bytes(free) + " are free", false, null);
            }
        }
        listener.started(name, offset, total);
        AtomicLong lastRead = new AtomicLong(System.nanoTime());
        AtomicBoolean stalled = new AtomicBoolean();
        long stallNanos = options.stallTimeout().toNanos();
        long period = Math.max(50, Math.min(1000, options.stallTimeout().toMillis() / 4));
        ScheduledFuture<?> guard = watchdog.scheduleAtFixedRate(() -> {
            if (System.nanoTime() - lastRead.get() > stallNanos && !stalled.getAndSet(true)) {
                try {
                    body.close();
                } catch (IOException e) {
                    // the reader sees the stream closed either way
                }
            }
        }, period, period, TimeUnit.MILLISECONDS);
        long done = offset;
        try (FileChannel out = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            out.truncate(offset);
            out.position(offset);
            byte[] buffer = new byte[BUFFER];
            try {
                for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
                    lastRead.set(System.nanoTime());
                    ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
                    while (chunk.hasRemaining()) {
                        out.write(chunk);
                    }
                    done += n;
                    received.set(received.get() || n > 0);
                    listener.progressed(done);
                }
            } catch (IOException e) {
                if (stalled.get()) {
                    throw new IOException("no data for " + options.stallTimeout().toMillis() / 1000.0 + " s", e);
                }
                throw e;
            } finally {
                guard.cancel(false);
            }
            if (total.isPresent() && done < total.getAsLong()) {
                throw new IOException("the connection closed after " + Sizes.bytes(done) + " of " + Sizes.bytes(total.getAsLong()));
            }
            out.force(true);
        }
        listener.finished(name, done);
    }

    private static OptionalLong contentLength(HttpResponse<?> response) {
        return response.headers().firstValueAsLong("Content-Length");
    }

    /** What went wrong, in words: {@code connection refused}, {@code no response within 15 s}, … */
    String reason(IOException e) {
        boolean connect = false;
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof HttpConnectTimeoutException) {
                return "no connection within " + options.connectTimeout().toSeconds() + " s";
            }
            if (c instanceof HttpTimeoutException) {
                return "no response within " + options.connectTimeout().toSeconds() + " s";
            }
            if (c instanceof UnknownHostException || c instanceof UnresolvedAddressException) {
                return "unknown host";
            }
            if (c instanceof ConnectException) {
                if (c.getMessage() != null && !c.getMessage().isBlank()) {
                    return c.getMessage().toLowerCase(Locale.ROOT);
                }
                connect = true;
            }
        }
        if (connect) {
            return "connection refused"; // java.net.http leaves the reason out; refused is what ConnectException means
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static long size(Path part) {
        try {
            return Files.exists(part) ? Files.size(part) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failed("interrupted while waiting to retry", false, e);
        }
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
    }
}
