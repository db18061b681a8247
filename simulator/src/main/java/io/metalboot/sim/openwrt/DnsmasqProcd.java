package io.metalboot.sim.openwrt;

import io.metalboot.router.RouterAgentException;
import io.metalboot.router.openwrt.DnsmasqConfGenerator;
import io.metalboot.router.openwrt.OpenWrtHost;
import io.metalboot.router.openwrt.UciConfig;
import io.metalboot.sim.faults.Faults;
import io.metalboot.sim.fs.RouterFs;
import io.metalboot.sim.shell.Processes;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * procd's view of the dnsmasq service: {@code start_service} writes one
 * {@code /var/etc/dnsmasq.conf.<section>} per enabled {@code config dnsmasq} from the dhcp package
 * as {@code config_load} sees it ({@code uci export}: the committed file plus the staged deltas in
 * {@code /tmp/.uci}), then procd keeps a running instance whose file is unchanged and (re)starts
 * the others. An instance runs only if dnsmasq accepts its file; otherwise dnsmasq logs the error
 * and "FAILED to start up", procd gives up after its crash loop, and the start still exits 0.
 */
final class DnsmasqProcd {
    private static final String VERSION = "2.90";

    private final Faults faults;
    private final DnsmasqCheck check;
    private final Set<Integer> killed = ConcurrentHashMap.newKeySet();
    private Map<String, DnsmasqService.Instance> instances = new LinkedHashMap<>();
    private boolean registered;
    private List<String> lastFailure = List.of();

    DnsmasqProcd(Faults faults, DnsmasqCheck check) {
        this.faults = faults;
        this.check = check;
    }

    boolean registered() {
        reconcile();
        return registered;
    }

    List<DnsmasqService.Instance> instances() {
        reconcile();
        return List.copyOf(instances.values());
    }

    List<String> lastFailure() {
        return lastFailure;
    }

    /** {@code start_service}; 1 (nothing changed) when the init script itself gives up, as for dnssec without support. */
    int start(RouterFs fs, Processes processes, PrintStream stderr) {
        reconcile();
        SysLog log = new SysLog(fs);
        UciConfig dhcp = loadDhcp(fs);
        OpenWrtHost host = OpenwrtHostProbe.probe(fs, dhcp);
        List<DnsmasqConfGenerator.Output> outputs;
        List<DnsmasqConfGenerator.Output> checked;
        try {
            outputs = new DnsmasqConfGenerator(host).generate(dhcp);
            checked = new DnsmasqConfGenerator(host, path -> fs.resolve(path).toString()).generate(dhcp);
        } catch (RouterAgentException e) {
            String message = e.getMessage();
            int advice = message.indexOf(" (");
            stderr.print((advice < 0 ? message : message.substring(0, advice)) + "\n"); // the script's own line, without our advice
            return 1;
        }
        Map<String, DnsmasqService.Instance> next = new LinkedHashMap<>();
        for (int i = 0; i < outputs.size(); i++) {
            DnsmasqConfGenerator.Output output = outputs.get(i);
            boolean written = prepare(fs, output, stderr);
            output.messages().forEach(message -> log.log("user.notice", "dnsmasq", message));
            DnsmasqService.Instance old = instances.get(output.instance());
            if (old != null && old.running() && old.conf().equals(output.content())) {
                next.put(output.instance(), old);
                continue;
            }
            if (old != null) {
                kill(fs, processes, old);
            }
            DnsmasqCheck.Verdict verdict = written ? check.test(checked.get(i).content(), output.path())
                    : new DnsmasqCheck.Verdict(false, List.of("cannot read " + output.path() + ": No such file or directory"));
            next.put(output.instance(), launch(fs, processes, log, output, verdict));
        }
        instances.values().stream().filter(old -> !next.containsKey(old.name())).forEach(old -> kill(fs, processes, old));
        instances = next;
        registered = true;
        return 0;
    }

    /** {@code procd_kill}: every instance ends and the service is gone. */
    void stop(RouterFs fs, Processes processes) {
        reconcile();
        instances.values().forEach(instance -> kill(fs, processes, instance));
        instances = new LinkedHashMap<>();
        registered = false;
    }

    /** The daemons vanish without a word, as on a reboot. */
    void forget(Processes processes) {
        instances.values().forEach(instance -> instance.pid().ifPresent(processes::remove));
        instances = new LinkedHashMap<>();
        registered = false;
    }

    /** The dhcp package as {@code uci -S -n export dhcp} gives it to the init script; an unreadable one has no sections. */
    private static UciConfig loadDhcp(RouterFs fs) {
        synchronized (fs) { // as uci's shared flock: not while another uci is half-way through writing
            try {
                return new UciStore(fs, UciOptions.defaults("uci"), "/").load("dhcp").config();
            } catch (UciFailure e) {
                return UciConfig.empty("dhcp");
            }
        }
    }

    /** The directories the script and dnsmasq need, then the generated file; false when it could not be written. */
    private static boolean prepare(RouterFs fs, DnsmasqConfGenerator.Output output, PrintStream stderr) {
        List<String> dirs = new ArrayList<>(List.of("/var/etc", "/var/run/dnsmasq", "/tmp/hosts"));
        output.content().lines().filter(line -> line.startsWith("conf-dir="))
                .map(line -> line.substring("conf-dir=".length()).split(",")[0]).forEach(dirs::add);
        try {
            for (String dir : dirs) {
                fs.mkdir(dir, true);
            }
            fs.write(output.path(), output.content());
            return true;
        } catch (IOException e) {
            stderr.print("/etc/init.d/dnsmasq: " + e.getMessage() + "\n");
            return false;
        }
    }

    private DnsmasqService.Instance launch(RouterFs fs, Processes processes, SysLog log, DnsmasqConfGenerator.Output output,
                                          DnsmasqCheck.Verdict verdict) {
        String commandLine = "/usr/sbin/dnsmasq -C " + output.path() + " -k -x " + pidFile(output.instance());
        String procdLine = "Instance dnsmasq::" + output.instance() + " s in a crash loop 6 crashes, 0 seconds since last crash";
        if (!verdict.accepted()) {
            int pid = processes.startDaemon(commandLine, () -> { });
            processes.remove(pid);
            List<String> lines = new ArrayList<>();
            String root = fs.root().toString();
            verdict.errors().forEach(error -> lines.add(log.log("daemon.crit", "dnsmasq[" + pid + "]", error.replace(root, ""))));
            lines.add(log.log("daemon.crit", "dnsmasq[" + pid + "]", "FAILED to start up"));
            lines.add(log.log("daemon.info", "procd", procdLine));
            lastFailure = List.copyOf(lines);
            return new DnsmasqService.Instance(output.instance(), output.path(), output.content(), Optional.empty());
        }
        AtomicInteger self = new AtomicInteger();
        int pid = processes.startDaemon(commandLine, () -> {
            killed.add(self.get());
            log.log("daemon.info", "dnsmasq[" + self.get() + "]", "exiting on receipt of SIGTERM");
        });
        self.set(pid);
        log.log("daemon.info", "dnsmasq[" + pid + "]", "started, version " + VERSION + " cachesize 1000");
        if (faults.takeDaemonDeath()) {
            processes.remove(pid);
            lastFailure = List.of(log.log("daemon.info", "procd", procdLine));
            return new DnsmasqService.Instance(output.instance(), output.path(), output.content(), Optional.empty());
        }
        try {
            fs.write(pidFile(output.instance()), pid + "\n");
        } catch (IOException e) {
            // dnsmasq runs on without its pid file
        }
        return new DnsmasqService.Instance(output.instance(), output.path(), output.content(), Optional.of(pid));
    }

    private void kill(RouterFs fs, Processes processes, DnsmasqService.Instance instance) {
        if (instance.pid().isEmpty()) {
            return;
        }
        int pid = instance.pid().get();
        processes.remove(pid);
        new SysLog(fs).log("daemon.info", "dnsmasq[" + pid + "]", "exiting on receipt of SIGTERM");
        deletePidFile(fs, instance.name());
    }

    /** Instances whose process was killed from the shell are dead (procd would respawn them; the sim does not). */
    private void reconcile() {
        if (killed.isEmpty()) {
            return;
        }
        Map<String, DnsmasqService.Instance> next = new LinkedHashMap<>();
        instances.forEach((name, instance) -> next.put(name, instance.pid().filter(killed::contains).isPresent()
                ? new DnsmasqService.Instance(name, instance.confPath(), instance.conf(), Optional.empty()) : instance));
        killed.clear();
        instances = next;
    }

    private static void deletePidFile(RouterFs fs, String instance) {
        try {
            if (fs.exists(pidFile(instance))) {
                fs.delete(pidFile(instance), false);
            }
        } catch (IOException e) {
            // a stale pid file is what a real crash leaves too
        }
    }

    static String pidFile(String instance) {
        return "/var/run/dnsmasq/dnsmasq." + instance + ".pid";
    }
}
