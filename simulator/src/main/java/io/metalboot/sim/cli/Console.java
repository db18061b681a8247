package io.metalboot.sim.cli;

import io.metalboot.sim.SimulatedRouter;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;

/** The simulator's console: arm faults, reboot, inspect; one command per line. */
final class Console {
    static final String HELP = """
            fault drop-after N          drop the connection after the next N commands
            fault drop-on REGEX         drop the connection before a command matching REGEX
            fault delay REGEX MILLIS    delay commands matching REGEX
            fault fail-commit MESSAGE   the next commit fails with MESSAGE
            fault daemon-dies           the next commit succeeds but the DHCP daemon dies
            fault disk-full PATH        writes below PATH fail (e.g. /config); 'fault disk-full off' clears
            fault lock HOLDER           another session holds the configuration lock; 'fault lock off' clears
            fault clear                 clear the connection faults
            reboot                      power-cycle: unsaved configuration is lost
            active | saved | dhcp       show the running config, the saved config, the DHCP daemon's config
            log                         the commands received, with exit status
            quit                        stop the router""";

    private final SimulatedRouter router;
    private final PrintWriter out;

    Console(SimulatedRouter router, PrintWriter out) {
        this.router = router;
        this.out = out;
    }

    void authorize(String publicKey) throws IOException {
        router.authorize(publicKey);
    }

    void execute(String line) {
        String[] w = line.strip().split("\\s+", 4);
        try {
            switch (w[0]) {
                case "" -> { }
                case "help" -> out.println(HELP);
                case "fault" -> fault(w);
                case "reboot" -> {
                    router.reboot();
                    out.println("rebooted; DHCP daemon " + (router.dhcpRunning() ? "running" : "NOT running"));
                }
                case "active" -> out.print(router.activeConfig());
                case "saved" -> out.print(router.savedConfig());
                case "dhcp" -> out.print(router.dhcpRunning() ? router.dhcpConfig() : "DHCP daemon not running\n");
                case "log" -> router.log().entries().forEach(e -> out.printf("%s %-7s pid=%d status=%s %s%n", e.at(), e.kind(),
                        e.pid(), e.status().map(String::valueOf).orElse("-"), e.line()));
                default -> out.println("unknown console command '" + w[0] + "'; type 'help'");
            }
        } catch (RuntimeException e) {
            out.println("console: " + e.getMessage());
        }
    }

    private void fault(String[] w) {
        String what = w.length > 1 ? w[1] : "";
        String arg = w.length > 2 ? w[2] : "";
        switch (what) {
            case "drop-after" -> router.connectionFaults().dropAfterCommands(Integer.parseInt(arg));
            case "drop-on" -> router.connectionFaults().dropWhenCommandMatches(arg);
            case "delay" -> router.connectionFaults().delayCommands(arg, Duration.ofMillis(Long.parseLong(w[3])));
            case "fail-commit" -> router.faults().failNextCommit(String.join(" ", java.util.Arrays.copyOfRange(w, 2, w.length)));
            case "daemon-dies" -> router.faults().daemonDiesOnNextRestart();
            case "disk-full" -> router.fs().diskFull(arg.equals("off") ? Optional.empty() : Optional.of(arg));
            case "lock" -> {
                if (arg.equals("off")) {
                    router.faults().releaseLock();
                } else {
                    router.faults().holdLock(arg);
                }
            }
            case "clear" -> router.connectionFaults().clear();
            default -> {
                out.println("unknown fault '" + what + "'; type 'help'");
                return;
            }
        }
        out.println("armed: fault " + String.join(" ", java.util.Arrays.copyOfRange(w, 1, w.length)));
    }
}
