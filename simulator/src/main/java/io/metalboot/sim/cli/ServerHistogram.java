package io.metalboot.sim.cli;

import java.util.Map;
import java.util.TreeMap;

/**
 * The server's own request-time histogram ({@code metalboot_request_seconds_bucket} in its /metrics) for one endpoint:
 * cumulative counts by upper bound. The difference of two readings is what happened between them, and its 99th
 * percentile is the bound of the first bucket that holds 99% of the requests: the server's view of a request, which does
 * not include the time a starved client took to send or read it.
 */
record ServerHistogram(TreeMap<Double, Long> cumulative) {
    static ServerHistogram parse(String metrics, String endpoint) {
        TreeMap<Double, Long> c = new TreeMap<>();
        String prefix = "metalboot_request_seconds_bucket{endpoint=\"" + endpoint + "\",le=\"";
        metrics.lines().filter(l -> l.startsWith(prefix)).forEach(l -> {
            String le = l.substring(prefix.length(), l.indexOf('"', prefix.length()));
            c.put(le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le), Long.parseLong(l.substring(l.lastIndexOf(' ') + 1)));
        });
        return new ServerHistogram(c);
    }

    ServerHistogram minus(ServerHistogram before) {
        TreeMap<Double, Long> d = new TreeMap<>();
        cumulative.forEach((le, n) -> d.put(le, n - before.cumulative.getOrDefault(le, 0L)));
        return new ServerHistogram(d);
    }

    /** The upper bound, seconds, of the bucket where the {@code p}th percentile falls; NaN when empty. */
    double percentile(double p) {
        long total = cumulative.isEmpty() ? 0 : cumulative.lastEntry().getValue();
        if (total == 0) {
            return Double.NaN;
        }
        for (Map.Entry<Double, Long> e : cumulative.entrySet()) {
            if (e.getValue() >= Math.ceil(p / 100 * total)) {
                return e.getKey();
            }
        }
        return Double.POSITIVE_INFINITY;
    }
}
