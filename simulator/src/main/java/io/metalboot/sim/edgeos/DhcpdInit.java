package io.metalboot.sim.edgeos;

import io.metalboot.sim.shell.Command;
import io.metalboot.sim.shell.Invocation;
import java.io.PrintStream;

/**
 * {@code /opt/vyatta/sbin/dhcpd.init start|stop|restart|status}, the init script dhcpd-config.pl
 * runs. Like the real one (start-stop-daemon in the background) a start reports success when the
 * file exists even if dhcpd then refuses it: the verdict is in syslog and in {@code status} or
 * {@code pidof dhcpd}. dhcpd reads its include files only here, when it starts.
 */
final class DhcpdInit implements Command {
    static final String PATH = "/opt/vyatta/sbin/dhcpd.init";

    private final EdgeosRouter router;

    DhcpdInit(EdgeosRouter router) {
        this.router = router;
    }

    @Override
    public int run(Invocation invocation) {
        PrintStream out = invocation.stdout();
        String action = invocation.operands().isEmpty() ? "" : invocation.operands().get(0);
        return switch (action) {
            case "start" -> start(out, false);
            case "stop" -> {
                out.println("Stopping DHCP server daemon...");
                router.dhcpd().stop();
                yield 0;
            }
            case "restart" -> start(out, true);
            case "status" -> {
                out.println(router.dhcpdRunning() ? "dhcpd is running." : "dhcpd is not running");
                yield router.dhcpdRunning() ? 0 : 3;
            }
            default -> {
                out.println("usage: " + PATH + " {start|stop|restart|status}");
                yield 1;
            }
        };
    }

    private int start(PrintStream out, boolean restart) {
        if (restart) {
            out.println("Stopping DHCP server daemon...");
            router.dhcpd().stop();
        }
        out.println("Starting DHCP server daemon...");
        DhcpDaemon.Start start = router.dhcpd().start(router.active());
        boolean absent = !start.started() && !router.fs().exists(DhcpDaemon.CONF);
        if (absent) {
            start.output().forEach(out::println);
            return 1;
        }
        return 0;
    }
}
