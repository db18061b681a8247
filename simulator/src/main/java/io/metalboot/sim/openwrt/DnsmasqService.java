package io.metalboot.sim.openwrt;

import io.metalboot.sim.faults.Faults;
import io.metalboot.sim.fs.RouterFs;
import io.metalboot.sim.shell.Command;
import io.metalboot.sim.shell.Invocation;
import io.metalboot.sim.shell.Processes;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;

/**
 * {@code /etc/init.d/dnsmasq} of OpenWrt 23.05 under {@code /etc/rc.common} with procd:
 * {@code start|boot|trace}, {@code stop|shutdown}, {@code restart}, {@code reload} (= start: procd
 * restarts an instance whose file changed), {@code status [instance]} ({@code running} 0,
 * {@code running (n/m)} 0, {@code not running} 5, {@code inactive} 3, {@code active with no
 * instances} 0, {@code unknown instance "x"} 4), {@code running [instance]}, {@code enable},
 * {@code disable}, {@code enabled} (the {@code /etc/rc.d/S19dnsmasq} and {@code K85dnsmasq} links),
 * {@code info}; anything else prints the help. Start exits 0 even when dnsmasq then fails (procd
 * starts it in the background): check {@link #running()}, {@code status}, {@code pidof dnsmasq} or
 * {@code logread}. A running instance is in the process table as {@code /usr/sbin/dnsmasq -C …}.
 * Like the real script ({@code config_load dhcp} runs {@code uci -S -n export dhcp}), the
 * generated file includes changes staged in {@code /tmp/.uci} but not yet committed.
 */
public final class DnsmasqService implements Command {
    static final String START_LINK = "/etc/rc.d/S19dnsmasq";
    static final String STOP_LINK = "/etc/rc.d/K85dnsmasq";

    /** One procd instance: the dnsmasq section's name, its generated file and the pid while it runs. */
    public record Instance(String name, String confPath, String conf, Optional<Integer> pid) {
        public boolean running() {
            return pid.isPresent();
        }
    }

    private final DnsmasqProcd procd;

    /** Checked by the real {@code dnsmasq --test} when this host has {@code /usr/sbin/dnsmasq}. */
    public DnsmasqService(Faults faults) {
        this(faults, DnsmasqCheck.onThisHost());
    }

    DnsmasqService(Faults faults, DnsmasqCheck check) {
        this.procd = new DnsmasqProcd(faults, check);
    }

    /** True when the service has instances and every one runs. */
    public synchronized boolean running() {
        List<Instance> all = procd.instances();
        return !all.isEmpty() && all.stream().allMatch(Instance::running);
    }

    /** The pid of the first instance (the stock dhcp package has one), while it runs. */
    public synchronized Optional<Integer> pid() {
        return procd.instances().stream().findFirst().flatMap(Instance::pid);
    }

    /** The file the first instance runs with, while it runs. */
    public synchronized Optional<String> activeConf() {
        return procd.instances().stream().findFirst().filter(Instance::running).map(Instance::conf);
    }

    /** The log lines of the last failed start ({@code daemon.crit dnsmasq[PID]: …}); empty before any. */
    public synchronized List<String> lastFailure() {
        return procd.lastFailure();
    }

    public synchronized List<Instance> instances() {
        return procd.instances();
    }

    /** {@code /etc/init.d/dnsmasq start}, for wiring and tests; returns the script's exit status. */
    public synchronized int start(RouterFs fs, Processes processes, PrintStream stderr) {
        return procd.start(fs, processes, stderr);
    }

    public synchronized void stop(RouterFs fs, Processes processes) {
        procd.stop(fs, processes);
    }

    /** The processes end with the machine: nothing is logged (the log goes with {@code /var}). */
    synchronized void powerOff(Processes processes) {
        procd.forget(processes);
    }

    @Override
    public int run(Invocation invocation) {
        List<String> args = invocation.operands();
        String action = args.isEmpty() ? "help" : args.get(0);
        Optional<String> instance = args.size() > 1 ? Optional.of(args.get(1)) : Optional.empty();
        RouterFs fs = invocation.fs();
        int status = switch (action) {
            case "start", "boot", "trace", "reload" -> start(fs, invocation.processes(), invocation.stderr());
            case "stop", "shutdown" -> {
                stop(fs, invocation.processes());
                yield 0;
            }
            case "restart" -> restart(fs, invocation.processes(), invocation.stderr());
            case "status" -> status(instance, invocation.stdout());
            case "running" -> instances().stream().anyMatch(i -> i.running() && instance.map(i.name()::equals).orElse(true)) ? 0 : 1;
            case "enable" -> links(fs, true);
            case "disable" -> links(fs, false);
            case "enabled" -> fs.exists(START_LINK) && fs.exists(STOP_LINK) ? 0 : 1;
            case "depends" -> 0;
            case "info" -> info(invocation.stdout());
            default -> help(invocation.args().get(0), invocation.stdout());
        };
        invocation.stdout().flush();
        invocation.stderr().flush();
        return status;
    }

    private synchronized int restart(RouterFs fs, Processes processes, PrintStream stderr) {
        procd.stop(fs, processes);
        return procd.start(fs, processes, stderr);
    }

    /** procd.sh {@code _procd_status}. */
    private synchronized int status(Optional<String> instance, PrintStream out) {
        if (!procd.registered()) {
            out.print("inactive\n");
            return 3;
        }
        List<Instance> all = procd.instances();
        if (all.isEmpty() && instance.isEmpty()) {
            out.print("active with no instances\n");
            return 0;
        }
        List<Instance> chosen = all.stream().filter(i -> instance.map(i.name()::equals).orElse(true)).toList();
        long up = chosen.stream().filter(Instance::running).count();
        if (chosen.isEmpty()) {
            out.print("unknown instance " + instance.map(name -> "\"" + name + "\"").orElse("*") + "\n");
            return 4;
        }
        if (up == 0) {
            out.print("not running\n");
            return 5;
        }
        out.print(up == chosen.size() ? "running\n" : "running (" + up + "/" + chosen.size() + ")\n");
        return 0;
    }

    private static int links(RouterFs fs, boolean enable) {
        try {
            for (String link : List.of(START_LINK, STOP_LINK)) {
                if (enable) {
                    fs.write(link, "../init.d/dnsmasq\n");
                } else if (fs.exists(link)) {
                    fs.delete(link, false);
                }
            }
            return 0;
        } catch (IOException e) {
            return 1;
        }
    }

    /** A short {@code ubus call service list} answer for the service. */
    private synchronized int info(PrintStream out) {
        StringBuilder json = new StringBuilder("{\n\t\"dnsmasq\": {\n\t\t\"instances\": {");
        List<Instance> all = procd.instances();
        for (int i = 0; i < all.size(); i++) {
            Instance instance = all.get(i);
            json.append(i == 0 ? "\n" : ",\n").append("\t\t\t\"").append(instance.name()).append("\": {\n")
                    .append("\t\t\t\t\"running\": ").append(instance.running());
            instance.pid().ifPresent(pid -> json.append(",\n\t\t\t\t\"pid\": ").append(pid));
            json.append(",\n\t\t\t\t\"command\": [ \"/usr/sbin/dnsmasq\", \"-C\", \"").append(instance.confPath())
                    .append("\", \"-k\", \"-x\", \"").append(DnsmasqProcd.pidFile(instance.name())).append("\" ]\n\t\t\t}");
        }
        out.print(json.append(all.isEmpty() ? "}\n\t}\n}\n" : "\n\t\t}\n\t}\n}\n"));
        return 0;
    }

    private static int help(String script, PrintStream out) {
        StringBuilder text = new StringBuilder("Syntax: " + script + " [command]\n\nAvailable commands:\n");
        String[][] commands = {{"start", "Start the service"}, {"stop", "Stop the service"}, {"restart", "Restart the service"},
                {"reload", "Reload configuration files (or restart if service does not implement reload)"},
                {"enable", "Enable service autostart"}, {"disable", "Disable service autostart"},
                {"enabled", "Check if service is started on boot"}, {"running", "Check if service is running"},
                {"status", "Service status"}, {"trace", "Start with syscall trace"}, {"info", "Dump procd service info"}};
        for (String[] command : commands) {
            text.append(String.format("\t%-15s %s%n", command[0], command[1]).replace(System.lineSeparator(), "\n"));
        }
        out.print(text);
        return 0;
    }
}
