package io.metalboot.sim.edgeos;

import io.metalboot.router.edgeos.ConfigShow;
import io.metalboot.sim.shell.Command;
import io.metalboot.sim.shell.Invocation;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * {@code /opt/vyatta/bin/vyatta-op-cmd-wrapper}: the operational-mode commands metalboot reads,
 * {@code show dhcp leases [pool P]} and {@code show dhcp statistics [pool P]}
 * (Vyatta::DHCPServerOpMode's tables) and {@code show configuration [commands]} (the active tree).
 */
final class OpCmdWrapper implements Command {
    static final String PATH = "/opt/vyatta/bin/vyatta-op-cmd-wrapper";

    private final EdgeosRouter router;

    OpCmdWrapper(EdgeosRouter router) {
        this.router = router;
    }

    @Override
    public int run(Invocation invocation) {
        List<String> args = invocation.operands();
        String command = String.join(" ", args);
        Optional<String> pool = args.size() == 5 && args.get(3).equals("pool") ? Optional.of(args.get(4)) : Optional.empty();
        if (command.startsWith("show dhcp leases") && (args.size() == 3 || pool.isPresent())) {
            invocation.stdout().print(LeaseTable.leases(read(DhcpDaemon.LEASES), pool));
            return 0;
        }
        if (command.startsWith("show dhcp statistics") && (args.size() == 3 || pool.isPresent())) {
            invocation.stdout().print(LeaseTable.statistics(read(DhcpDaemon.LEASES), read(DhcpDaemon.CONF), pool));
            return 0;
        }
        if (command.equals("show configuration")) {
            invocation.stdout().print(ConfigShow.show(router.active(), List.of()));
            return 0;
        }
        if (command.equals("show configuration commands")) {
            router.active().toSetCommands().forEach(invocation.stdout()::println);
            return 0;
        }
        invocation.stdout().println();
        invocation.stdout().println("  Invalid command: [" + command + "]");
        invocation.stdout().println();
        return 1;
    }

    private String read(String path) {
        try {
            return router.fs().exists(path) ? router.fs().read(path) : "";
        } catch (IOException e) {
            return "";
        }
    }
}
