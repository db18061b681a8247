package io.metalboot.sim.cli;

import io.metalboot.router.plan.RouterKind;
import io.metalboot.sim.SimConfig;
import io.metalboot.sim.SimulatedRouter;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "sim", mixinStandardHelpOptions = true,
        description = {"Run a simulated EdgeRouter or OpenWrt router on 127.0.0.1 until Ctrl-C.", "",
                "It has its own root directory (its /config, /etc/config, /tmp, /var/log), a small shell,"
                        + " the router's configuration programs and a DHCP daemon checked with the real dhcpd or"
                        + " dnsmasq when installed. Nothing it does touches this machine's real paths.", "",
                "Type 'help' on the console for faults, reboot and inspection.", ""},
        footer = {"", "Example: metalboot sim edgeos --port 2222 --password ubnt", "         ssh -p 2222 ubnt@127.0.0.1"})
final class SimCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "KIND", description = "edgeos or openwrt.")
    String kind;

    @Option(names = "--port", defaultValue = "2222", description = "SSH port on 127.0.0.1 (default: ${DEFAULT-VALUE}; 0 = any).")
    int port;

    @Option(names = "--root", paramLabel = "DIR",
            description = "Simulator directory, kept across restarts (default: a new temporary one).")
    Optional<Path> root;

    @Option(names = "--password", description = "Login password (default: ubnt for edgeos, none for openwrt).")
    Optional<String> password;

    @Option(names = "--authorized-key", paramLabel = "FILE",
            description = "Public key file to add to the router's authorized_keys.")
    List<Path> keys = List.of();

    @Option(names = "--rsa-host-key", description = "Offer only an ssh-rsa host key, like older dropbear.")
    boolean rsa;

    @Option(names = "--fault", paramLabel = "FAULT", description = "Arm a fault at start (repeatable); see the console's 'help'.")
    List<String> faults = List.of();

    @Override
    public Integer call() throws Exception {
        RouterKind k = switch (kind) {
            case "edgeos" -> RouterKind.EDGEOS;
            case "openwrt" -> RouterKind.OPENWRT;
            default -> throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "KIND '" + kind + "' is not one of edgeos, openwrt");
        };
        Path dir = root.isPresent() ? root.get() : Files.createTempDirectory("metalboot-sim-" + kind + "-");
        Optional<String> pw = password.or(() -> k == RouterKind.EDGEOS ? Optional.of("ubnt") : Optional.empty());
        SimConfig config = new SimConfig(k, dir, port, pw, rsa);
        var out = spec.commandLine().getOut();
        try (SimulatedRouter router = SimulatedRouter.start(config)) {
            Console console = new Console(router, out);
            for (Path key : keys) {
                console.authorize(Files.readString(key, StandardCharsets.UTF_8));
            }
            for (String f : faults) {
                console.execute("fault " + f);
            }
            out.printf("simulated %s router running; its files are in %s%n", kind, dir.resolve("root"));
            out.printf("log in with:  ssh -p %d %s@%s%s%n", router.port(), router.user(), router.host(),
                    pw.map(p -> "   (password: " + p + ")").orElse("   (key login; add keys with --authorized-key)"));
            out.println("console: type 'help'; Ctrl-C stops the router.");
            out.flush();
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.strip().equals("quit")) {
                    return 0;
                }
                console.execute(line);
                out.flush();
            }
            stopped.await(); // stdin closed (e.g. run in the background): serve until Ctrl-C
        }
        return 0;
    }
}
