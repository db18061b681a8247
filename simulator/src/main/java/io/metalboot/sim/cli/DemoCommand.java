package io.metalboot.sim.cli;

import io.metalboot.router.plan.RouterKind;
import io.metalboot.cli.Main;
import io.metalboot.sim.LabInventory;
import io.metalboot.sim.SimConfig;
import io.metalboot.sim.SimulatedRouter;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Show metalboot managing two routers, with no hardware: a simulated EdgeRouter and a simulated"
                + " OpenWrt router on 127.0.0.1.", "",
                "For each, with the example lab (examples/home-lab/cluster.yaml): plan, apply, plan again (up to date),"
                        + " change one machine's MAC in the inventory, plan (only that entry), apply, history, rollback"
                        + " (the router returns to the state before the last apply), plan (the change is pending again)."
                        + " Then a boot server on a free loopback port serves the lab's data: one machine the inventory does not"
                        + " know is discovered and one of its machines boots, both shown on the boot page at /ui."
                        + " Then both routers and the boot server keep running for you to log in to and try the commands yourself, until"
                        + " Ctrl-C.", ""},
        footer = {"", "Exit status: 0 every step did what it should, 1 a step did not (its output says why)."})
final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--dir", paramLabel = "DIR", description = "Working directory for the inventories, key, known_hosts,"
            + " revisions and routers (default: a new temporary one).")
    Optional<Path> dir;

    @Option(names = "--edgeos-port", defaultValue = "2222", description = "SSH port of the EdgeRouter (default: ${DEFAULT-VALUE}; 0 = any).")
    int edgeosPort;

    @Option(names = "--openwrt-port", defaultValue = "2223", description = "SSH port of the OpenWrt router (default: ${DEFAULT-VALUE}; 0 = any).")
    int openwrtPort;

    @Option(names = "--once", description = "Stop both routers and exit when the steps are done.")
    boolean once;

    @Override
    public Integer call() throws Exception {
        Path work = dir.isPresent() ? Files.createDirectories(dir.get()) : Files.createTempDirectory("metalboot-demo-");
        PrintWriter out = spec.commandLine().getOut();
        DemoKey key = DemoKey.create(work);
        List<SimulatedRouter> routers = new ArrayList<>();
        DemoBootPage page = null;
        try {
            routers.add(start(RouterKind.EDGEOS, work, edgeosPort, Optional.of("ubnt")));
            routers.add(start(RouterKind.OPENWRT, work, openwrtPort, Optional.empty()));
            boolean ok = true;
            for (SimulatedRouter router : routers) {
                router.authorize(key.publicKey());
                String kind = router.kind().name().toLowerCase();
                Path inv = LabInventory.write(work.resolve(kind).resolve("cluster.yaml"), router, key.privateKey(),
                        work.resolve("known_hosts"));
                out.printf("%n=== %s: simulated router on 127.0.0.1:%d, inventory %s ===%n", kind, router.port(), inv);
                ok &= new DemoSteps(out, spec.commandLine().getErr(), work, inv, Main::commandLine).run();
            }
            out.printf("%n=== the boot page: a boot server on loopback with the edgeos lab's data ===%n");
            page = DemoBootPage.start(out, spec.commandLine().getErr(), work.resolve("edgeos").resolve("cluster.yaml"), work.resolve("boot"));
            ok &= page.run();
            out.println();
            out.println(ok ? "Every step did what it should." : "Some step did not do what it should; see above.");
            if (once) {
                out.flush();
                return ok ? 0 : 1;
            }
            out.println("Both routers and the boot server keep running; try it yourself (Ctrl-C stops them):");
            out.printf("  open %s/ui (the boot page), or: ./metalboot machines --server %s%n", page.url(), page.url());
            for (SimulatedRouter router : routers) {
                String kind = router.kind().name().toLowerCase();
                out.printf("  ssh -p %d -i %s -o UserKnownHostsFile=%s %s@127.0.0.1%n", router.port(), key.privateKey(),
                        work.resolve("known_hosts"), router.user());
                out.printf("  ./metalboot plan -c %s%n", work.resolve(kind).resolve("cluster.yaml"));
            }
            out.flush();
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
            stopped.await();
            return ok ? 0 : 1;
        } finally {
            if (page != null) {
                page.close();
            }
            routers.forEach(SimulatedRouter::close);
        }
    }

    private static SimulatedRouter start(RouterKind kind, Path work, int port, Optional<String> password) throws Exception {
        String name = kind.name().toLowerCase();
        try {
            return SimulatedRouter.start(new SimConfig(kind, work.resolve("routers").resolve(name), port, password, false));
        } catch (java.io.UncheckedIOException e) {
            if (e.getCause() instanceof java.net.BindException) {
                throw new io.metalboot.cli.BadInputException("cannot start the simulated "
                        + name + " router on 127.0.0.1:" + port + ": the port is in use (another demo or sim running?);"
                        + " stop that, or pass --" + name + "-port 0 for any free port", e);
            }
            throw e;
        }
    }
}
