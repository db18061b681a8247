package io.metalboot.sim.cli;

import io.metalboot.bench.BootStorm;
import io.metalboot.bench.Http1;
import io.metalboot.bench.Profile;
import io.metalboot.bench.ServerProbe;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Runs boot storms of growing size against one server and prints them as Markdown, with the server's CPU and memory. */
final class StormReport {
    /** Below this share of the server's CPU samples, even making a part free would speed a storm up by less than 10%. */
    static final double MATTERS_PERCENT = 10;
    private static final double MB = 1024 * 1024;
    private final PrintWriter out;
    private final InetSocketAddress server;
    private final ServerProbe probe;
    private final Path data;
    private final BootStorm.Expected assets;
    private final List<BootStorm.Machine> machines;

    StormReport(PrintWriter out, InetSocketAddress server, long pid, Path data, BootStorm.Expected assets, List<BootStorm.Machine> machines) {
        this.out = out;
        this.server = server;
        this.probe = new ServerProbe(pid);
        this.data = data;
        this.assets = assets;
        this.machines = machines;
    }

    /** One storm's figures that the targets and the spread use; latencies in seconds. */
    record Run(int machines, double bootP99, double ipxeP99, double serverBootP99, double serverIpxeP99, double wall, long peakKib,
            long liveKib) {
    }

    int run(List<Integer> sizes, int repeat, Optional<Path> profile) throws Exception {
        int largest = sizes.stream().mapToInt(Integer::intValue).max().orElse(0);
        if (largest > machines.size()) {
            out.printf("bench-storm: %s has %d machines, fewer than %d (prepare with --machines %d)%n", data, machines.size(), largest, largest);
            out.flush();
            return 2;
        }
        out.printf(Locale.ROOT, "## Boot storm: 50 to %d machines boot at once%n%n", largest);
        out.printf(Locale.ROOT, "Each machine: `/boot.ipxe` → `/ipxe?mac=…` → kernel (%.0f MB) → initrd (%.0f MB) on one keep-alive"
                + " connection, as iPXE does; then `/ignition?mac=…` and `/ignition?mac=…&os=installed` on a new connection each"
                + " (the booted kernel, the installed OS). Every response is checked (status, asset size, Ignition JSON, the"
                + " installed Ignition naming its machine). The data dir has %d machine groups. Client: raw HTTP/1.1 on virtual"
                + " threads in one JVM, %s. Each storm runs %d time(s).%n%n", assets.kernelSize() / MB, assets.initrdSize() / MB,
                machines.size(), clientCpus(), repeat);
        long total = sizes.stream().mapToLong(Integer::longValue).sum();
        out.printf(Locale.ROOT, "Assets scaled down: Flatcar's kernel and initrd are about 50 MB and 300 MB, so %d machines would move"
                + " %.0f GB through loopback; at %.0f MB + %.0f MB these storms move %.1f GB in all.%n%n", largest, largest * 350 / 1024.0,
                assets.kernelSize() / MB, assets.initrdSize() / MB, total * (assets.kernelSize() + assets.initrdSize()) / MB / 1024);
        List<String> resources = new ArrayList<>();
        out.println("| machines | completed in | errors | /boot.ipxe p50 / p99 | /ipxe p50 / p99 | server's p99 /boot.ipxe, /ipxe"
                + " | Ignition p50 / p99 | kernel + initrd per machine p50 / max | asset throughput |");
        out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        out.flush();
        long errors = 0;
        List<String> messages = new ArrayList<>();
        Profile recorded = null;
        BootStorm storm = new BootStorm(server, assets, 120_000);
        storm.run(machines.subList(0, Math.min(10, machines.size())), Duration.ofMinutes(5)); // warm up: JIT, connections, page cache
        List<Run> runs = new ArrayList<>();
        for (int n : sizes) {
          for (int rep = 1; rep <= repeat; rep++) {
            boolean record = profile.isPresent() && n == largest && rep == repeat;
            probe.resetPeak();
            long rss0 = probe.rssKib();
            long heap0 = probe.heapUsedKib();
            double cpu0 = probe.cpuSeconds();
            double self0 = ownCpuSeconds();
            long[] machine0 = MachineCpu.ticks();
            String metrics0 = metrics();
            double render0 = renderSeconds(metrics0);
            if (record) {
                Files.deleteIfExists(profile.get());
                List<String> start = new ArrayList<>(List.of("JFR.start", "name=bench-storm", "filename=" + profile.get().toAbsolutePath()));
                start.addAll(Profile.START);
                probe.jcmd(start.toArray(String[]::new));
            }
            BootStorm.Result r = storm.run(machines.subList(0, n), Duration.ofMinutes(20));
            if (record) {
                probe.jcmd("JFR.stop", "name=bench-storm");
            }
            double busy = MachineCpu.busy(machine0, MachineCpu.ticks());
            double self = ownCpuSeconds() - self0;
            double cpu = probe.cpuSeconds() - cpu0;
            String metrics1 = metrics();
            double render = renderSeconds(metrics1) - render0;
            double serverBoot = ServerHistogram.parse(metrics1, "boot.ipxe").minus(ServerHistogram.parse(metrics0, "boot.ipxe")).percentile(99);
            double serverIpxe = ServerHistogram.parse(metrics1, "ipxe").minus(ServerHistogram.parse(metrics0, "ipxe")).percentile(99);
            long rss1 = probe.rssKib();
            long peak = probe.peakKib();
            long heap1 = probe.heapUsedKib();
            probe.collect();
            long live = probe.heapUsedKib();
            double wall = r.wallNanos() / 1e9;
            String label = repeat == 1 ? Integer.toString(n) : n + " (" + rep + ")";
            out.printf(Locale.ROOT, "| %s | %.1f s | %d | %s | %s | ≤ %s, ≤ %s | %s | %.1f / %.1f s | %.0f MB/s |%n", label, wall, r.errors(),
                    p50p99(r.bootNanos()), p50p99(r.scriptNanos()), ms((long) (serverBoot * 1e9)), ms((long) (serverIpxe * 1e9)),
                    p50p99(r.ignitionNanos()),
                    BootStorm.percentile(r.assetNanos(), 50) / 1e9, BootStorm.percentile(r.assetNanos(), 100) / 1e9, r.bytes() / MB / wall);
            runs.add(new Run(n, BootStorm.percentile(r.bootNanos(), 99) / 1e9, BootStorm.percentile(r.scriptNanos(), 99) / 1e9, serverBoot,
                    serverIpxe, wall, peak, live));
            resources.add(String.format(Locale.ROOT, "| %s | %.0f%% | %.1f s | %.2f s | %.1f s | %d → %d MB (%d) | %d → %d MB (%d) |", label,
                    busy * 100, cpu, render, self, rss0 / 1024, rss1 / 1024, peak / 1024, heap0 / 1024, heap1 / 1024, live / 1024));
            out.flush();
            errors += r.errors();
            r.messages().forEach(m -> messages.add(n + " machines: " + m));
            if (record) {
                recorded = Profile.read(profile.get());
            }
          }
        }
        out.println();
        out.println("| machines | machine CPU busy | server CPU | rendering, wall time | client CPU | server RSS before → after (peak)"
                + " | used heap before → after (live) |");
        out.println("|---:|---:|---:|---:|---:|---:|---:|");
        resources.forEach(out::println);
        out.println();
        out.printf(Locale.ROOT, "Latencies are from request sent to last byte received, on the client. CPU is user + system time"
                + " during the storm: machine busy is all %d cores (from /proc/stat); server and client are the two processes;"
                + " rendering is the wall time the server's handlers spent matching groups and rendering, summed over requests"
                + " (its /metrics): under contention it includes waiting for a core, so it can exceed the server's CPU and is no"
                + " share of it (the JFR profile below is the CPU view). The server's p99 is the bound of the first bucket of its"
                + " own request-time histogram (routing to response written) that holds 99%% of the storm's requests: when the"
                + " client's p99 is far above it, the time went to the client or the sockets, not to the server. Peak RSS is VmHWM"
                + " reset before each storm; live heap is the used heap after a full GC forced once the storm is over.%n",
                machineCores());
        StormTargets.print(out, runs, sizes);
        messages.forEach(m -> out.println("\n    " + m));
        out.println();
        out.printf("- %s zero errors in every storm (%s machines)%s%n", errors == 0 ? "✓" : "✗",
                String.join(", ", sizes.stream().map(String::valueOf).toList()), errors == 0 ? "" : ": " + errors + " errors");
        if (recorded != null) {
            out.printf(Locale.ROOT, "%n### Where the server's CPU went in the %d-machine storm%n%n", largest);
            print(out, recorded);
            double share = templateAndSelection(recorded);
            out.printf(Locale.ROOT, "%nJMH microbenchmarks for the template engine and group selection: %s (they took %.1f%% of the"
                    + " server's CPU samples in the storm; below %.0f%%, making them free would speed the storm up by less than that).%n",
                    share < MATTERS_PERCENT ? "not written, they do not bound a boot storm" : "warranted, they matter here", share,
                    MATTERS_PERCENT);
        }
        out.flush();
        return errors == 0 ? 0 : 1;
    }

    /** The profile as a Markdown table: metalboot's parts (inclusive share of samples), then the top methods (self). */
    static void print(PrintWriter out, Profile p) {
        out.printf(Locale.ROOT, "JFR, %d samples (%s) of the server's Java threads; inclusive: a sample counts for every part on its"
                + " stack. Time in the kernel (socket and file syscalls) is sampled only where Java called it.%n%n", p.samples(), p.event());
        out.println("| part | share of samples |");
        out.println("|---|---:|");
        p.parts().forEach((part, n) -> out.printf(Locale.ROOT, "| %s | %.1f%% |%n", part, p.percent(n)));
        out.println();
        out.println("| method on top of the stack | share |");
        out.println("|---|---:|");
        p.top().forEach(e -> out.printf(Locale.ROOT, "| `%s` | %.1f%% |%n", e.getKey(), p.percent(e.getValue())));
        out.printf(Locale.ROOT, "%nTemplate engine and group selection together: %.1f%% of the samples.%n", templateAndSelection(p));
        out.flush();
    }

    private static double templateAndSelection(Profile p) {
        return p.percent(p.parts().entrySet().stream().filter(e -> e.getKey().startsWith("template") || e.getKey().startsWith("group"))
                .mapToLong(Map.Entry::getValue).sum());
    }

    private static String p50p99(long[] sorted) {
        return ms(BootStorm.percentile(sorted, 50)) + " / " + ms(BootStorm.percentile(sorted, 99));
    }

    private static double ownCpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
    }

    private String metrics() throws IOException {
        try (Http1 c = new Http1(server, 10_000)) {
            return c.get("/metrics").text();
        }
    }

    private static double renderSeconds(String metrics) {
        return metrics.lines().filter(l -> l.startsWith("metalboot_render_seconds_sum{"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    /** The machine's cores (from /proc/stat: this process may be allowed fewer). */
    static long machineCores() {
        try {
            return Files.readAllLines(Path.of("/proc/stat")).stream().filter(l -> l.matches("cpu\\d+ .*")).count();
        } catch (IOException e) {
            return Runtime.getRuntime().availableProcessors();
        }
    }

    /** The cores this (client) process may run on, as taskset leaves them. */
    private static String clientCpus() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("Cpus_allowed_list:"))
                    .map(l -> "allowed on core(s) " + l.substring(l.indexOf(':') + 1).strip() + " of the machine's " + machineCores())
                    .findFirst().orElse("on the same cores as the server");
        } catch (IOException e) {
            return "on the same cores as the server";
        }
    }

    private static String ms(long nanos) {
        return String.format(Locale.ROOT, nanos < 10_000_000 ? "%.1f ms" : "%.0f ms", nanos / 1e6);
    }
}
