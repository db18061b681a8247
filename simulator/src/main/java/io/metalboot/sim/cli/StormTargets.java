package io.metalboot.sim.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The storm's targets from its runs: how much the figures moved between runs of the same size (median, min-max), the
 * growth of /boot.ipxe and /ipxe p99 from the smallest storm to the largest (at most 3x, from the medians; the server's
 * own p99 beside the client's), and the server's peak RSS in every run (at most 512 MB).
 */
final class StormTargets {
    static final double GROWTH = 3;
    static final long RSS_LIMIT_MB = 512;

    private StormTargets() {
    }

    static void print(PrintWriter out, List<StormReport.Run> runs, List<Integer> sizes) {
        int smallest = sizes.stream().mapToInt(Integer::intValue).min().orElse(0);
        int largest = sizes.stream().mapToInt(Integer::intValue).max().orElse(0);
        out.println();
        out.println("Spread between runs of the same storm (median, min-max):");
        out.println();
        out.println("| machines | runs | completed in | /boot.ipxe p99 | /ipxe p99 | server's /boot.ipxe p99 | server's /ipxe p99 | peak RSS | live heap |");
        out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (int n : sizes) {
            List<StormReport.Run> of = runs.stream().filter(r -> r.machines() == n).toList();
            out.printf(Locale.ROOT, "| %d | %d | %s | %s | %s | %s | %s | %s | %s |%n", n, of.size(), spread(of, StormReport.Run::wall, 1, "s"),
                    spread(of, StormReport.Run::bootP99, 1000, "ms"), spread(of, StormReport.Run::ipxeP99, 1000, "ms"),
                    spread(of, StormReport.Run::serverBootP99, 1000, "ms"), spread(of, StormReport.Run::serverIpxeP99, 1000, "ms"),
                    spread(of, r -> r.peakKib() / 1024.0, 1, "MB"), spread(of, r -> r.liveKib() / 1024.0, 1, "MB"));
        }
        out.println();
        List<StormReport.Run> small = runs.stream().filter(r -> r.machines() == smallest).toList();
        List<StormReport.Run> large = runs.stream().filter(r -> r.machines() == largest).toList();
        growth(out, "/boot.ipxe", small, large, StormReport.Run::bootP99, StormReport.Run::serverBootP99, smallest, largest);
        growth(out, "/ipxe", small, large, StormReport.Run::ipxeP99, StormReport.Run::serverIpxeP99, smallest, largest);
        long peak = runs.stream().mapToLong(StormReport.Run::peakKib).max().orElse(0) / 1024;
        long live = runs.stream().mapToLong(StormReport.Run::liveKib).max().orElse(0) / 1024;
        out.printf(Locale.ROOT, "- %s server RSS ≤ %d MB through every storm: peak %d MB, live heap at most %d MB%n",
                peak <= RSS_LIMIT_MB ? "✓" : "✗", RSS_LIMIT_MB, peak, live);
    }

    private static void growth(PrintWriter out, String endpoint, List<StormReport.Run> small, List<StormReport.Run> large,
            ToDoubleFunction<StormReport.Run> client, ToDoubleFunction<StormReport.Run> server, int smallest, int largest) {
        double c = median(large, client) / median(small, client);
        double s = median(large, server) / median(small, server);
        out.printf(Locale.ROOT, "- %s %s p99 at %d machines ≤ %.0f× its p99 at %d: %.1f× on the client (%.1f → %.1f ms, medians);"
                + " the server's own p99 grew %.1f× (%.1f → %.1f ms, bucket bounds)%n", c <= GROWTH ? "✓" : "✗", endpoint, largest, GROWTH,
                smallest, c, median(small, client) * 1000, median(large, client) * 1000, s, median(small, server) * 1000,
                median(large, server) * 1000);
    }

    private static String spread(List<StormReport.Run> runs, ToDoubleFunction<StormReport.Run> f, double scale, String unit) {
        double[] v = runs.stream().mapToDouble(f).map(x -> x * scale).sorted().toArray();
        if (v.length == 0) {
            return "";
        }
        String fmt = v[v.length - 1] < 10 ? "%.1f" : "%.0f";
        String median = String.format(Locale.ROOT, fmt, median(v));
        return v.length == 1 ? median + " " + unit
                : median + " " + unit + " (" + String.format(Locale.ROOT, fmt, v[0]) + "–" + String.format(Locale.ROOT, fmt, v[v.length - 1]) + ")";
    }

    private static double median(List<StormReport.Run> runs, ToDoubleFunction<StormReport.Run> f) {
        return median(runs.stream().mapToDouble(f).sorted().toArray());
    }

    private static double median(double[] sorted) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        Arrays.sort(sorted);
        int m = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
    }
}
