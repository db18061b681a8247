package io.metalboot.tftp;

import io.metalboot.tftp.RawClient.Fetched;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A benchmark, not a test: throughput of metalboot's TFTP server beside tftpd-hpa (Debian package
 * tftpd-hpa, started here as {@code in.tftpd -L -a 127.0.0.1:PORT -s DIR}) serving the same files on
 * loopback, fetched by the same client in this JVM, for 1 MB and 50 MB with blksize 512/1468 and
 * windowsize 1/16. Run it with {@code bench/tftp}; arguments: {@code [rounds]} (best of, default 3).
 */
public final class TftpBench {
    private static final long MB = 1024 * 1024;
    /** Held so the level set in main stays: one log line per transfer would drown the table. */
    private static final java.util.logging.Logger QUIET = java.util.logging.Logger.getLogger("io.metalboot.tftp");

    static final String RACK_FILE = "ipxe.efi";
    static final long RACK_SIZE = 1024 * 1024;

    private TftpBench() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        QUIET.setLevel(java.util.logging.Level.WARNING);
        Path dir = Files.createTempDirectory("tftp-bench");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x")); // tftpd-hpa runs as nobody
        List<Long> sizes = List.of(MB, 50 * MB);
        for (long size : sizes) {
            TestFiles.generate(dir, name(size), size);
        }
        TestFiles.generate(dir, RACK_FILE, RACK_SIZE);
        Optional<Tftpd> hpa = startTftpdHpa(dir);
        try (TftpServer metalboot = TftpServer.start(TftpConfig.of(new InetSocketAddress(RawClient.LOOPBACK, 0), dir),
                TransferListener.NONE)) {
            System.out.printf(Locale.ROOT, "## TFTP: metalboot beside tftpd-hpa%n%nThroughput on 127.0.0.1, MB/s, best of %d fetches per"
                    + " cell, by the same raw TFTP client in one JVM (%s); tftpd-hpa is Debian's in.tftpd on the same files. A"
                    + " window the server did not grant is shown as the one it used (w=1). 1 MB cells: best of %d. JVM CPU is this"
                    + " process's CPU time during the best fetch over its wall time (100%% = one core busy the whole time): the client"
                    + " alone for tftpd-hpa, client and server for metalboot.%n%n", rounds, Runtime.version(), 4 * rounds);
            System.out.println("| file | blksize | windowsize asked | metalboot | tftpd-hpa | ratio | JVM CPU with metalboot / tftpd-hpa |");
            System.out.println("|---|---:|---:|---:|---:|---:|---:|");
            for (Map<String, String> options : List.of(Map.of("blksize", "512"), Map.of("blksize", "1468", "windowsize", "16"))) {
                fetch(metalboot.port(), name(50 * MB), options); // warm up the JIT and both servers' page cache
                hpa.ifPresent(t -> fetch(t.port(), name(50 * MB), options));
            }
            List<String> equal = new ArrayList<>();
            List<String> windowed = new ArrayList<>();
            boolean equalOk = true;
            boolean windowedOk = true;
            for (long size : sizes) {
                for (int blksize : new int[] {512, 1468}) {
                    for (int window : new int[] {1, 16}) {
                        Measured ours = measure(metalboot.port(), size, blksize, window, rounds);
                        Optional<Measured> theirs = hpa.map(t -> measure(t.port(), size, blksize, window, rounds));
                        double ratio = theirs.map(t -> ours.mbps() / t.mbps()).orElse(Double.NaN);
                        System.out.printf(Locale.ROOT, "| %d MB | %d | %d | %s | %s | %s | %.0f%% / %s |%n", size / MB, blksize, window, ours,
                                theirs.map(Measured::toString).orElse("not run"), theirs.isPresent() ? String.format(Locale.ROOT, "%.2f×", ratio) : "–",
                                100 * ours.cpuShare(), theirs.map(t -> String.format(Locale.ROOT, "%.0f%%", 100 * t.cpuShare())).orElse("–"));
                        if (theirs.isEmpty() || ours.shortRead() || theirs.get().shortRead()) {
                            equalOk = false;
                            continue;
                        }
                        String cell = String.format(Locale.ROOT, "%d MB/%d/w%d %.2f×", size / MB, blksize, window, ratio);
                        if (theirs.get().window() == window && ours.window() == window) {
                            equal.add(cell);
                            equalOk &= ratio >= 1;
                        }
                        if (window == 16) {
                            windowed.add(cell);
                            windowedOk &= ratio >= 3;
                        }
                    }
                }
            }
            Rack.Result oursRack = Rack.run(metalboot.port(), rounds);
            Optional<Rack.Result> theirsRack = hpa.map(t -> Rack.run(t.port(), rounds));
            System.out.printf(Locale.ROOT, "%nA rack powering on: %d clients fetch %s (%d KiB, blksize 1432 and tsize, as iPXE asks)"
                    + " at once; wall time until the last one finished, median of %d (min-max), and how many finished whole:%n%n",
                    Rack.CLIENTS, RACK_FILE, RACK_SIZE / 1024, rounds);
            System.out.println("| server | all finished in | finished whole |");
            System.out.println("|---|---:|---:|");
            System.out.println("| metalboot | " + oursRack.time() + " | " + oursRack.whole() + " |");
            System.out.println("| tftpd-hpa | " + theirsRack.map(Rack.Result::time).orElse("not run") + " | "
                    + theirsRack.map(Rack.Result::whole).orElse("–") + " |");
            System.out.println();
            boolean rackOk = oursRack.allWhole() && theirsRack.isPresent();
            System.out.printf(Locale.ROOT, "- %s TFTP, %d concurrent transfers of %s: %s%n", rackOk ? "✓" : "✗", Rack.CLIENTS, RACK_FILE,
                    oursRack.allWhole() ? "all finished whole in " + oursRack.time() + theirsRack.map(t -> String.format(Locale.ROOT,
                            ", %.2f× tftpd-hpa's time (%s)", oursRack.median() / t.median(), t.time())).orElse(" (tftpd-hpa not run)")
                            : "only " + oursRack.whole() + " finished whole");
            if (hpa.isEmpty()) {
                System.out.println("- ✗ TFTP beside tftpd-hpa: not measured (tftpd-hpa did not run; see above)");
            } else {
                System.out.printf("- %s TFTP ≥ 1× tftpd-hpa at equal options: %s%n", equalOk ? "✓" : "✗", String.join(", ", equal));
                System.out.printf("- %s TFTP ≥ 3× tftpd-hpa with windowsize 16 (metalboot's window against what tftpd-hpa grants): %s%s%n",
                        windowedOk ? "✓" : "✗", String.join(", ", windowed), windowedOk ? "" : " — CPU per packet: the JVM column shows"
                                + " client and server keeping a core busy, each block a pread and a send on the server and a receive on"
                                + " the client, on the same two shared cores");
            }
        } finally {
            hpa.ifPresent(t -> t.process().destroy());
            for (long size : sizes) {
                Files.deleteIfExists(dir.resolve(name(size)));
            }
            Files.deleteIfExists(dir.resolve(RACK_FILE));
            Files.deleteIfExists(dir);
        }
    }

    private static String name(long size) {
        return size / MB + "mb.bin";
    }

    /** The best throughput of some fetches, the window the server granted, and this JVM's CPU time over that fetch's time. */
    private record Measured(double mbps, int asked, int window, boolean shortRead, double cpuShare) {
        @Override
        public String toString() {
            return shortRead ? "short read" : String.format(Locale.ROOT, "%.1f%s", mbps, window == asked ? "" : " (w=" + window + ")");
        }
    }

    /**
     * Best throughput of {@code rounds} fetches (small files: four times as many, as a 1 MB fetch lasts a few milliseconds and
     * one preemption on a shared machine halves it); notes when the server did not grant the window asked for.
     */
    private static Measured measure(int port, long size, int blksize, int window, int rounds) {
        Map<String, String> options = window == 1 ? Map.of("blksize", Integer.toString(blksize))
                : Map.of("blksize", Integer.toString(blksize), "windowsize", Integer.toString(window));
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        double best = 0;
        double cpuShare = 0;
        int granted = 1;
        for (int i = 0; i < (size < 10 * MB ? 4 * rounds : rounds); i++) {
            long cpu = os.getProcessCpuTime();
            long start = System.nanoTime();
            Fetched fetched = fetch(port, name(size), options);
            long nanos = System.nanoTime() - start;
            if (fetched.content().length != size) {
                return new Measured(0, window, 0, true, 0);
            }
            double mbps = size / (double) MB / (nanos / 1e9);
            if (mbps > best) {
                best = mbps;
                cpuShare = (os.getProcessCpuTime() - cpu) / (double) nanos;
            }
            granted = Integer.parseInt(fetched.first().options().getOrDefault("windowsize", "1"));
        }
        return new Measured(best, window, granted, false, cpuShare);
    }

    private static Fetched fetch(int port, String file, Map<String, String> options) {
        try (RawClient client = new RawClient(5_000)) {
            return client.fetch(port, file, options);
        }
    }

    private record Tftpd(Process process, int port) {
    }

    /** Starts tftpd-hpa on a free loopback port, or explains why not. */
    private static Optional<Tftpd> startTftpdHpa(Path dir) throws IOException, InterruptedException {
        Path tftpd = Path.of("/usr/sbin/in.tftpd");
        if (!Files.isExecutable(tftpd)) {
            System.out.println("tftpd-hpa: not installed (apt-get install tftpd-hpa); its column stays empty");
            return Optional.empty();
        }
        int hpaPort;
        try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress(RawClient.LOOPBACK, 0))) {
            hpaPort = probe.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(tftpd.toString(), "-L", "-a", "127.0.0.1:" + hpaPort, "-s",
                dir.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).inheritIO().start();
        for (int i = 0; i < 50; i++) {
            try (RawClient client = new RawClient(100)) {
                client.rrq(hpaPort, "ready-probe", Map.of());
                if (client.receive().isPresent()) {
                    return Optional.of(new Tftpd(process, hpaPort));
                }
            }
            if (!process.isAlive()) {
                break;
            }
        }
        process.destroy();
        process.waitFor(5, TimeUnit.SECONDS);
        System.out.println("tftpd-hpa: did not answer on 127.0.0.1:" + hpaPort + " (" + String.join(" ", command)
                + "; -s needs root); its column stays empty");
        return Optional.empty();
    }
}
