package io.metalboot.sim.cli;

import io.metalboot.router.plan.RouterKind;
import io.metalboot.cli.Main;
import io.metalboot.sim.BenchLab;
import io.metalboot.sim.faults.CommandLog;
import io.metalboot.sim.LabInventory;
import io.metalboot.sim.SimConfig;
import io.metalboot.sim.SimulatedRouter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "apply", mixinStandardHelpOptions = true,
        description = {"Benchmark: apply N static mappings to each simulated router over a link with added latency, and"
                + " print round trips, bytes sent and time, for the first apply and for a no-op re-apply.", "",
                "Each size gets a fresh simulated router on 127.0.0.1 whose LAN is 10.0.0.0/16; the apply is the real"
                        + " CLI (read, lock/snapshot/watchdog/commit, verify, confirm) with --yes. Prints a Markdown table.", ""})
final class BenchApplyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--mappings", split = ",", defaultValue = "10,100,1000", description = "Sizes (default: ${DEFAULT-VALUE}).")
    List<Integer> sizes;

    @Option(names = "--latency-ms", defaultValue = "20", description = "Added per SSH round trip (default: ${DEFAULT-VALUE} ms).")
    int latencyMs;

    @Option(names = "--wrapper-ms", defaultValue = "50",
            description = "For the slow EdgeOS router: added per vyatta-cfg-cmd-wrapper call (default: ${DEFAULT-VALUE} ms).")
    int wrapperMs;

    @Option(names = "--kind", split = ",", defaultValue = "edgeos,openwrt", description = "Router kinds (default: ${DEFAULT-VALUE}).")
    List<String> kinds;

    /** One measured CLI run: exit status, round trips (exec requests), script bytes sent, wall time. */
    record Measure(int status, int roundTrips, long bytes, Duration time, long wrapperCalls) {
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path work = Files.createTempDirectory("metalboot-bench-apply-");
        DemoKey key = DemoKey.create(work);
        out.printf("## Router apply: %d ms added per round trip%n%n", latencyMs);
        out.println("| router | mappings | apply: round trips | bytes sent | time | no-op re-apply: round trips | bytes sent | time |");
        out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
        out.flush();
        boolean ok = true;
        List<String> thousand = new java.util.ArrayList<>();
        boolean withinTen = true;
        for (String kind : kinds) {
            RouterKind k = RouterKind.valueOf(kind.toUpperCase());
            for (int n : sizes) {
                Path dir = work.resolve(kind + "-" + n);
                SimulatedRouter factory = SimulatedRouter.start(SimConfig.of(k, dir.resolve("router")));
                factory.close();
                BenchLab.widenRouter(factory);
                try (SimulatedRouter router = SimulatedRouter.start(SimConfig.of(k, dir.resolve("router")))) {
                    router.authorize(key.publicKey());
                    Path inv = Files.writeString(dir.resolve("cluster.yaml"),
                            LabInventory.pointedAt(BenchLab.inventory(n), router, key.privateKey(), work.resolve("known_hosts")));
                    run(router, "plan", "-c", inv.toString(), "--trust-new-host-key");
                    router.connectionFaults().delayRoundTrips(Duration.ofMillis(latencyMs));
                    Measure apply = run(router, "apply", "-c", inv.toString(), "--yes");
                    Measure again = run(router, "apply", "-c", inv.toString(), "--yes");
                    ok &= apply.status() == 0 && again.status() == 0;
                    if (n == 1000) {
                        thousand.add(kind + " " + apply.roundTrips() + (apply.status() == 0 ? "" : " (failed)"));
                        withinTen &= apply.status() == 0 && apply.roundTrips() <= 10;
                    }
                    out.printf("| %s | %d | %d | %d | %.2f s | %d | %d | %.2f s |%n", kind, n, apply.roundTrips(), apply.bytes(),
                            seconds(apply.time()), again.roundTrips(), again.bytes(), seconds(again.time()));
                    out.flush();
                }
            }
        }
        if (kinds.contains("edgeos") && wrapperMs > 0) {
            int n = sizes.stream().mapToInt(Integer::intValue).max().orElse(0);
            Measure slow = slowEdgeos(work, key, n);
            ok &= slow.status() == 0;
            out.printf("%nA slow EdgeOS router: %d ms added per `vyatta-cfg-cmd-wrapper` call (what a real EdgeRouter's wrapper"
                    + " costs, a process and a config-session lookup each), %d ms per round trip.%n%n", wrapperMs, latencyMs);
            out.println("| router | mappings | round trips | wrapper calls | time |");
            out.println("|---|---:|---:|---:|---:|");
            out.printf("| edgeos, slow | %d | %d | %d | %.2f s |%n", n, slow.roundTrips(), slow.wrapperCalls(), seconds(slow.time()));
            out.printf("%n- %s apply of %d mappings to a slow EdgeOS router (%d ms per wrapper call): %.1f s, %d wrapper calls%s%n",
                    slow.status() == 0 && seconds(slow.time()) < 60 ? "✓" : "✗", n, wrapperMs, seconds(slow.time()), slow.wrapperCalls(),
                    seconds(slow.time()) < 60 ? "" : " — one call per set/delete: a generated config file merged with one `load`/`merge`"
                            + " would be a handful of calls");
        }
        out.printf("%nTime is the whole in-process CLI run (inventory, SSH, planning, the router's work) on this machine;"
                + " round trips are SSH exec requests; bytes are the scripts and standard input sent.%n");
        if (!thousand.isEmpty()) {
            out.printf("%n- %s apply of 1000 mappings in ≤ 10 round trips: %s%n", withinTen ? "✓" : "✗", String.join(", ", thousand));
        }
        out.flush();
        return ok ? 0 : 1;
    }

    /** A first apply of {@code n} mappings to an EdgeOS router whose wrapper costs {@link #wrapperMs} per call. */
    private Measure slowEdgeos(Path work, DemoKey key, int n) throws Exception {
        Path dir = work.resolve("edgeos-slow-" + n);
        SimulatedRouter factory = SimulatedRouter.start(SimConfig.of(RouterKind.EDGEOS, dir.resolve("router")));
        factory.close();
        BenchLab.widenRouter(factory);
        try (SimulatedRouter router = SimulatedRouter.start(SimConfig.of(RouterKind.EDGEOS, dir.resolve("router")))) {
            router.authorize(key.publicKey());
            Path inv = Files.writeString(dir.resolve("cluster.yaml"),
                    LabInventory.pointedAt(BenchLab.inventory(n), router, key.privateKey(), work.resolve("known_hosts")));
            run(router, "plan", "-c", inv.toString(), "--trust-new-host-key");
            router.connectionFaults().delayRoundTrips(Duration.ofMillis(latencyMs));
            router.connectionFaults().delayCommands("vyatta-cfg-cmd-wrapper", Duration.ofMillis(wrapperMs));
            return run(router, "apply", "-c", inv.toString(), "--yes");
        }
    }

    private static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }

    private Measure run(SimulatedRouter router, String... args) {
        router.log().clear();
        long bytesBefore = router.execBytes();
        StringWriter sink = new StringWriter();
        long start = System.nanoTime();
        int status = Main.commandLine().setOut(new PrintWriter(sink)).setErr(new PrintWriter(sink)).execute(args);
        Duration time = Duration.ofNanos(System.nanoTime() - start);
        List<CommandLog.Entry> execs = router.log().execs();
        if (status != 0 && status != 3) {
            spec.commandLine().getErr().println("metalboot " + String.join(" ", args) + " exited " + status + ":\n" + sink);
        }
        long wrapperCalls = router.log().entries().stream().filter(e -> e.line().contains("vyatta-cfg-cmd-wrapper")).count();
        return new Measure(status, execs.size(), router.execBytes() - bytesBefore, time, wrapperCalls);
    }
}
