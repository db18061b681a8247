package io.metalboot.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * N machines network-booting at once against one boot server, each the way a real one does: iPXE
 * fetches {@code /boot.ipxe}, follows its {@code chain} to {@code /ipxe?mac=…}, downloads the kernel
 * and initrd the script names (one keep-alive connection); the booted kernel fetches the Ignition
 * URL from its command line (a new connection); the installed OS fetches it again with
 * {@code os=installed} (another). Every response is checked: status 200, assets of the expected
 * size, Ignition that parses as JSON, the installed Ignition naming the machine.
 */
public final class BootStorm {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_MESSAGES = 5;

    /** A machine of the data dir: its name (in its installed Ignition) and MAC. */
    public record Machine(String name, String mac) {
        String hexhyp() {
            return mac.replace(':', '-');
        }
    }

    /** Sizes the assets must have, by URL path. */
    public record Expected(String kernelPath, long kernelSize, String initrdPath, long initrdSize) {
    }

    /** What a storm measured; latencies in nanoseconds, sorted. */
    public record Result(int machines, long wallNanos, long[] bootNanos, long[] scriptNanos, long[] ignitionNanos, long[] assetNanos,
            long bytes, long errors, List<String> messages) {
    }

    private final InetSocketAddress server;
    private final Expected expected;
    private final int timeoutMillis;

    public BootStorm(InetSocketAddress server, Expected expected, int timeoutMillis) {
        this.server = server;
        this.expected = expected;
        this.timeoutMillis = timeoutMillis;
    }

    /** Boots {@code machines} at once (released together), waits at most {@code limit} for all. */
    public Result run(List<Machine> machines, java.time.Duration limit) throws InterruptedException {
        List<Long> boots = Collections.synchronizedList(new ArrayList<>());
        List<Long> scripts = Collections.synchronizedList(new ArrayList<>());
        List<Long> ignitions = Collections.synchronizedList(new ArrayList<>());
        List<Long> assets = Collections.synchronizedList(new ArrayList<>());
        List<String> messages = Collections.synchronizedList(new ArrayList<>());
        AtomicLong errors = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(machines.size());
        long start;
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Machine m : machines) {
                pool.submit(() -> {
                    try {
                        go.await();
                        boot(m, boots, scripts, ignitions, assets, bytes);
                    } catch (Exception e) {
                        errors.incrementAndGet();
                        if (messages.size() < MAX_MESSAGES) {
                            messages.add(m.name() + ": " + e.getMessage());
                        }
                    } finally {
                        done.countDown();
                    }
                    return null;
                });
            }
            start = System.nanoTime();
            go.countDown();
            if (!done.await(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                errors.addAndGet(done.getCount());
                messages.add(done.getCount() + " machines had not finished after " + limit.toSeconds() + " s");
                pool.shutdownNow();
            }
        }
        long wall = System.nanoTime() - start;
        return new Result(machines.size(), wall, sorted(boots), sorted(scripts), sorted(ignitions), sorted(assets), bytes.get(), errors.get(),
                List.copyOf(messages));
    }

    private void boot(Machine m, List<Long> boots, List<Long> scripts, List<Long> ignitions, List<Long> assets, AtomicLong bytes) throws IOException {
        String kernelArgs = "";
        List<String> initrds = new ArrayList<>();
        String kernel = null;
        try (Http1 ipxe = new Http1(server, timeoutMillis)) {
            Http1.Response boot = ok(ipxe.get("/boot.ipxe"), "/boot.ipxe");
            boots.add(boot.nanos());
            String chain = boot.text().lines().filter(l -> l.startsWith("chain ")).findFirst()
                    .orElseThrow(() -> new IOException("/boot.ipxe has no 'chain' line: " + boot.text()));
            String scriptTarget = target("/boot.ipxe", expand(chain.substring("chain ".length()).trim(), m));
            Http1.Response script = ok(ipxe.get(scriptTarget), scriptTarget);
            scripts.add(script.nanos());
            for (String line : script.text().lines().toList()) {
                String[] words = line.trim().split("\\s+", 2);
                if (words[0].equals("kernel") && words.length == 2) {
                    String[] ka = words[1].split("\\s+", 2);
                    kernel = ka[0];
                    kernelArgs = ka.length > 1 ? ka[1] : "";
                } else if (words[0].equals("initrd") && words.length == 2) {
                    initrds.add(words[1].split("\\s+")[0]);
                }
            }
            if (kernel == null || initrds.isEmpty()) {
                throw new IOException(scriptTarget + " names no kernel or no initrd: " + script.text());
            }
            long assetStart = System.nanoTime();
            bytes.addAndGet(asset(ipxe, target(scriptTarget, kernel)));
            for (String initrd : initrds) {
                bytes.addAndGet(asset(ipxe, target(scriptTarget, initrd)));
            }
            assets.add(System.nanoTime() - assetStart);
        }
        String args = kernelArgs;
        String url = java.util.Arrays.stream(args.split("\\s+")).filter(a -> a.contains(".config.url=")).findFirst()
                .map(a -> a.substring(a.indexOf('=') + 1)).orElseThrow(() -> new IOException("the kernel line has no *.config.url="
                        + " argument: " + args));
        String ignition = target("/", expand(url, m));
        try (Http1 firstBoot = new Http1(server, timeoutMillis)) {
            Http1.Response r = json(ok(firstBoot.get(ignition), ignition), ignition);
            ignitions.add(r.nanos());
        }
        String installed = ignition + (ignition.contains("?") ? "&" : "?") + "os=installed";
        try (Http1 installedOs = new Http1(server, timeoutMillis)) {
            Http1.Response r = json(ok(installedOs.get(installed), installed), installed);
            ignitions.add(r.nanos());
            if (!r.text().contains(m.name())) {
                throw new IOException(installed + ": the installed Ignition does not name the machine " + m.name());
            }
        }
    }

    private long asset(Http1 conn, String path) throws IOException {
        Http1.Response r = ok(conn.get(path), path);
        String bare = path.split("\\?")[0];
        long want = bare.equals(expected.kernelPath()) ? expected.kernelSize() : bare.equals(expected.initrdPath()) ? expected.initrdSize() : -1;
        if (want >= 0 && r.length() != want) {
            throw new IOException(path + ": " + r.length() + " bytes, expected " + want);
        }
        return r.length();
    }

    private static Http1.Response ok(Http1.Response r, String target) throws IOException {
        if (r.status() != 200) {
            throw new IOException("GET " + target + ": status " + r.status() + ": " + r.text().strip());
        }
        return r;
    }

    private static Http1.Response json(Http1.Response r, String target) throws IOException {
        try {
            JSON.readTree(r.body());
        } catch (IOException e) {
            throw new IOException("GET " + target + ": not JSON: " + e.getMessage(), e);
        }
        return r;
    }

    /** iPXE's expansion of the settings the seed's scripts use, for this machine. */
    static String expand(String s, Machine m) {
        return s.replace("${uuid}", "").replace("${mac:hexhyp}", m.hexhyp()).replace("${mac}", m.mac()).replace("${domain}", "")
                .replace("${hostname}", "").replace("${serial}", "").replace("${buildarch:uristring}", "x86_64");
    }

    /** {@code ref} (absolute URL, absolute path or relative) resolved against {@code base}, as path and query: the host is ours. */
    static String target(String base, String ref) {
        URI u = URI.create("http://boot" + base).resolve(ref.replace(" ", "%20"));
        return u.getRawPath() + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
    }

    private static long[] sorted(List<Long> values) {
        synchronized (values) {
            return values.stream().mapToLong(Long::longValue).sorted().toArray();
        }
    }

    /** The {@code p}th percentile (0..100) of sorted values, nearest rank; 0 when empty. */
    public static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
