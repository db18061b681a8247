package io.metalboot.sim.edgeos;

import io.metalboot.router.RouterAgentException;
import io.metalboot.router.edgeos.ConfigTree;
import io.metalboot.router.edgeos.DhcpdConfGenerator;
import io.metalboot.sim.faults.Faults;
import io.metalboot.sim.fs.RouterFs;
import io.metalboot.sim.shell.Processes;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The router's ISC dhcpd as vyatta-cfg-dhcp-server runs it: {@link #configure} is dhcpd-config.pl
 * (write {@code /opt/vyatta/etc/dhcpd.conf}, then {@code dhcpd.init restart}, or {@code stop} when
 * the service is gone or disabled); {@link #start} is the init script's start, which only counts
 * as running when dhcpd accepts the file ({@link DhcpdCheck}). A running daemon is a process in the
 * router's table, so {@code pidof dhcpd} finds it and {@code kill} stops it. dhcpd reads its
 * includes only when it starts: {@link #served()} is what it loaded then.
 */
final class DhcpDaemon {
    static final String CONF = "/opt/vyatta/etc/dhcpd.conf";
    static final String LEASES = "/config/dhcpd.leases";
    static final String PID_FILE = "/var/run/dhcpd.pid";
    static final String COMMAND_LINE = "/usr/sbin/dhcpd -f -pf /var/run/dhcpd-unused.pid -cf " + CONF + " -lf " + LEASES;

    /** What a start attempt printed; {@code started} is whether the init script reported success. */
    record Start(boolean started, List<String> output) {
        Start {
            output = List.copyOf(output);
        }
    }

    private final RouterFs fs;
    private final Processes processes;
    private final Faults faults;
    private final Scheduler clock;
    private final ReentrantLock lifecycle = new ReentrantLock();
    private final AtomicInteger pid = new AtomicInteger();
    private final AtomicReference<Optional<String>> served = new AtomicReference<>(Optional.empty());

    DhcpDaemon(RouterFs fs, Processes processes, Faults faults, Scheduler clock) {
        this.fs = fs;
        this.processes = processes;
        this.faults = faults;
        this.clock = clock;
    }

    /**
     * dhcpd-config.pl after a commit (or at boot) for {@code tree}: regenerate, then restart or
     * stop; returns what EdgeOS's init script prints (the start's verdict goes to syslog).
     */
    List<String> configure(ConfigTree tree) {
        lifecycle.lock();
        try {
            boolean configured = tree.exists("service", "dhcp-server")
                    && !tree.children("service", "dhcp-server", "shared-network-name").isEmpty();
            String conf = "";
            try {
                conf = configured ? new DhcpdConfGenerator().generate(tree) : "";
            } catch (RouterAgentException e) { // only at boot: a commit validates first
                Syslog.message(fs, clock.now(), "dhcpd-config.pl", e.getMessage().lines().toList());
                configured = false;
            }
            try {
                fs.write(CONF, conf);
            } catch (IOException e) {
                Syslog.message(fs, clock.now(), "dhcpd-config.pl", "cannot write " + CONF + ": " + e.getMessage());
            }
            boolean disabled = tree.value("service", "dhcp-server", "disabled").filter("true"::equals).isPresent();
            stop();
            if (!configured || disabled) {
                return List.of("Stopping DHCP server daemon...");
            }
            start(tree);
            return List.of("Stopping DHCP server daemon...", "Starting DHCP server daemon...");
        } finally {
            lifecycle.unlock();
        }
    }

    /** {@code dhcpd.init start} with {@code tree} active: a no-op when running; else check the file and start. */
    Start start(ConfigTree tree) {
        lifecycle.lock();
        try {
            if (running()) {
                return new Start(true, List.of());
            }
            String conf;
            try {
                conf = fs.read(CONF);
            } catch (IOException e) {
                String message = "Cannot start the DHCP server because configuration file " + CONF + " is absent.";
                return new Start(false, List.of(message));
            }
            List<String> problems = new ArrayList<>(DhcpdCheck.problems(fs, conf, tree));
            touchLeases(problems);
            if (!problems.isEmpty()) {
                Syslog.message(fs, clock.now(), "dhcpd", problems);
                return new Start(false, problems);
            }
            int started = processes.startDaemon(COMMAND_LINE, this::killed);
            pid.set(started);
            served.set(Optional.of(DhcpdCheck.served(fs, conf)));
            writePidFile(started);
            Syslog.message(fs, clock.now(), "dhcpd", "Server starting service.");
            if (faults.takeDaemonDeath()) {
                Syslog.message(fs, clock.now(), "dhcpd", "Internal error: dhcpd exited unexpectedly (simulated fault)");
                stop();
            }
            return new Start(true, List.of());
        } finally {
            lifecycle.unlock();
        }
    }

    /** {@code dhcpd.init stop}. */
    void stop() {
        lifecycle.lock();
        try {
            int old = pid.getAndSet(0);
            if (old != 0) {
                processes.remove(old);
                served.set(Optional.empty());
                deletePidFile();
            }
        } finally {
            lifecycle.unlock();
        }
    }

    /** {@code dhcpd.init restart}: stop, then start. */
    Start restart(ConfigTree tree) {
        lifecycle.lock();
        try {
            stop();
            return start(tree);
        } finally {
            lifecycle.unlock();
        }
    }

    boolean running() {
        return pid.get() != 0;
    }

    OptionalInt pid() {
        int current = pid.get();
        return current == 0 ? OptionalInt.empty() : OptionalInt.of(current);
    }

    Optional<String> served() {
        return served.get();
    }

    /** {@code kill PID}: the process table already dropped it; never takes the lifecycle lock. */
    private void killed() {
        int current = pid.get();
        if (current != 0 && pid.compareAndSet(current, 0)) {
            served.set(Optional.empty());
            deletePidFile();
            Syslog.message(fs, clock.now(), "dhcpd", "Received signal 15, initiating shutdown.");
        }
    }

    private void touchLeases(List<String> problems) {
        try {
            if (!fs.exists(LEASES)) {
                fs.write(LEASES, "");
            }
        } catch (IOException e) {
            problems.add("Can't create new lease file: " + e.getMessage());
        }
    }

    private void writePidFile(int started) {
        try {
            fs.write(PID_FILE, started + "\n");
        } catch (IOException e) {
            // start-stop-daemon would complain; the daemon runs anyway
        }
    }

    private void deletePidFile() {
        try {
            if (fs.exists(PID_FILE)) {
                fs.delete(PID_FILE, false);
            }
        } catch (IOException e) {
            // a stale pid file is harmless here
        }
    }
}
