package io.metalboot.boot.http;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Prometheus text metrics: requests per endpoint and status, bytes served, render time (wall time: it includes
 * waiting for a core), and a histogram of the time from the request reaching routing to its response written into the
 * socket, per endpoint: the server's own view of a request, to tell a slow server from a starved client. Label values
 * come from a fixed set (the route, never the raw path, and a three-digit status), so a client can
 * neither inject text into the output nor make a series per path it invents: every path that is no
 * endpoint counts as {@code endpoint="other"}.
 */
final class Metrics {
    static final String OTHER = "other";
    private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> bytes = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> renderNanos = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> renders = new ConcurrentHashMap<>();
    /** Upper bounds of the request-time buckets, seconds; the last bucket ({@code +Inf}) takes the rest. */
    static final double[] BUCKETS = {0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10};
    private final Map<String, LongAdder[]> requestTime = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> requestNanos = new ConcurrentHashMap<>();

    /** The endpoint label for a request path: one of {@link BootRoutes#ENDPOINTS}, {@code assets}, {@code root} or {@code other}. */
    static String endpoint(String path) {
        if (path.startsWith(Assets.PREFIX)) {
            return "assets";
        }
        if (path.equals("/")) {
            return "root";
        }
        String first = path.substring(1);
        return BootRoutes.ENDPOINTS.contains(first) ? first : OTHER;
    }

    void request(String endpoint, int status, long written, long nanos) {
        if (!endpoint.equals("assets") && !endpoint.equals("root") && !BootRoutes.ENDPOINTS.contains(endpoint)) {
            endpoint = OTHER;
        }
        timed(endpoint, nanos);
        if (status < 100 || status > 599) {
            status = 0;
        }
        requests.computeIfAbsent("endpoint=\"" + endpoint + "\",status=\"" + status + "\"", k -> new LongAdder()).increment();
        bytes.computeIfAbsent("endpoint=\"" + endpoint + "\"", k -> new LongAdder()).add(written);
    }

    /** A request to {@code endpoint} (already one of the fixed labels) took {@code nanos} in the server. */
    void timed(String endpoint, long nanos) {
        LongAdder[] counts = requestTime.computeIfAbsent(endpoint, k -> {
            LongAdder[] a = new LongAdder[BUCKETS.length + 1];
            java.util.Arrays.setAll(a, i -> new LongAdder());
            return a;
        });
        double seconds = nanos / 1e9;
        int i = 0;
        while (i < BUCKETS.length && seconds > BUCKETS[i]) {
            i++;
        }
        counts[i].increment();
        requestNanos.computeIfAbsent("endpoint=\"" + endpoint + "\"", k -> new LongAdder()).add(nanos);
    }

    void rendered(String endpoint, long nanos) {
        if (!BootRoutes.ENDPOINTS.contains(endpoint)) {
            endpoint = OTHER;
        }
        renderNanos.computeIfAbsent("endpoint=\"" + endpoint + "\"", k -> new LongAdder()).add(nanos);
        renders.computeIfAbsent("endpoint=\"" + endpoint + "\"", k -> new LongAdder()).increment();
    }

    String text() {
        StringBuilder s = new StringBuilder();
        family(s, "metalboot_http_requests_total", "counter", "HTTP requests by endpoint and status.", requests, 1);
        family(s, "metalboot_http_response_bytes_total", "counter", "Response bytes by endpoint.", bytes, 1);
        family(s, "metalboot_render_seconds_sum", "counter", "Wall time spent rendering responses (includes waiting for a core).",
                renderNanos, 1e-9);
        family(s, "metalboot_render_seconds_count", "counter", "Rendered responses.", renders, 1);
        s.append("# HELP metalboot_request_seconds Time from routing to the response written into the socket, by endpoint.\n")
                .append("# TYPE metalboot_request_seconds histogram\n");
        new TreeMap<>(requestTime).forEach((endpoint, counts) -> {
            long cumulative = 0;
            for (int i = 0; i <= BUCKETS.length; i++) {
                cumulative += counts[i].sum();
                s.append("metalboot_request_seconds_bucket{endpoint=\"").append(endpoint).append("\",le=\"")
                        .append(i < BUCKETS.length ? Double.toString(BUCKETS[i]) : "+Inf").append("\"} ").append(cumulative).append('\n');
            }
            s.append("metalboot_request_seconds_count{endpoint=\"").append(endpoint).append("\"} ").append(cumulative).append('\n');
            s.append("metalboot_request_seconds_sum{endpoint=\"").append(endpoint).append("\"} ")
                    .append(requestNanos.get("endpoint=\"" + endpoint + "\"").sum() / 1e9).append('\n');
        });
        return s.toString();
    }

    private static void family(StringBuilder s, String name, String type, String help, Map<String, LongAdder> values, double scale) {
        s.append("# HELP ").append(name).append(' ').append(help).append('\n').append("# TYPE ").append(name).append(' ').append(type).append('\n');
        new TreeMap<>(values).forEach((labels, v) -> s.append(name).append('{').append(labels).append("} ")
                .append(scale == 1 ? Long.toString(v.sum()) : Double.toString(v.sum() * scale)).append('\n'));
    }
}
