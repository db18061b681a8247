package io.metalboot.boot.http;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Prometheus text metrics: requests per endpoint and status, bytes served, render time. Label values
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

    void request(String endpoint, int status, long written) {
        if (!endpoint.equals("assets") && !endpoint.equals("root") && !BootRoutes.ENDPOINTS.contains(endpoint)) {
            endpoint = OTHER;
        }
        if (status < 100 || status > 599) {
            status = 0;
        }
        requests.computeIfAbsent("endpoint=\"" + endpoint + "\",status=\"" + status + "\"", k -> new LongAdder()).increment();
        bytes.computeIfAbsent("endpoint=\"" + endpoint + "\"", k -> new LongAdder()).add(written);
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
        family(s, "metalboot_render_seconds_sum", "counter", "Time spent rendering responses.", renderNanos, 1e-9);
        family(s, "metalboot_render_seconds_count", "counter", "Rendered responses.", renders, 1);
        return s.toString();
    }

    private static void family(StringBuilder s, String name, String type, String help, Map<String, LongAdder> values, double scale) {
        s.append("# HELP ").append(name).append(' ').append(help).append('\n').append("# TYPE ").append(name).append(' ').append(type).append('\n');
        new TreeMap<>(values).forEach((labels, v) -> s.append(name).append('{').append(labels).append("} ")
                .append(scale == 1 ? Long.toString(v.sum()) : Double.toString(v.sum() * scale)).append('\n'));
    }
}
