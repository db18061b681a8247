package io.metalboot.cli;

import io.metalboot.adopt.Adopted;
import io.metalboot.adopt.Adoption;
import io.metalboot.adopt.InventoryFile;
import io.metalboot.inventory.Machine;
import io.metalboot.inventory.Machine.Role;
import io.metalboot.router.Ipv4Address;
import io.metalboot.router.MacAddress;
import io.metalboot.router.plan.RouterKind;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "adopt", mixinStandardHelpOptions = true,
        description = {"Add a machine to the inventory, e.g. one 'metalboot machines' or the page lists as discovered.", "",
                "Appends it to the machines list of cluster.yaml in the style of the list's items; every other line, comment and"
                        + " blank line stays as it was. The edited file is checked as 'metalboot check' would before it replaces"
                        + " the old one. Without --ip the machine gets the next free address outside the pool: after the highest"
                        + " address of the machines with its role, skipping those of the machines, the gateway, the DNS servers"
                        + " and the boot server. Then prints the commands that make the certificates, the boot data and the"
                        + " router's fixed lease follow; --apply runs them.", ""},
        footer = {"", "Exit status: 0 added (and, with --apply, every step done), 1 a step failed, 2 refused (MAC, name or address"
                + " in use, address outside the subnet, bad flag or inventory); a refused or failed edit leaves the file as it was."})
final class AdoptCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MAC", description = "The machine's boot NIC, in any form the inventory accepts"
            + " (00:00:00:00:00:21, 00-00-00-00-00-21, 0000.0000.0021).")
    String mac;

    @Option(names = "--name", paramLabel = "NAME", required = true, description = "Its host and node name, e.g. kube-worker-3.")
    String name;

    @Option(names = "--role", paramLabel = "ROLE", required = true, description = "worker or master.")
    String role;

    @Option(names = "--ip", paramLabel = "ADDR", description = "Its fixed address (default: the next free one outside the pool).")
    Optional<String> ip;

    @Mixin
    InventoryOption inventory;

    @Option(names = "--apply", description = "Then run the next steps in order (pki cluster, render-data, apply), stopping at the"
            + " first that fails.")
    boolean apply;

    @Option(names = "--yes", description = "With --apply: change the router without asking (needed when not on a terminal).")
    boolean yes;

    @Override
    public Integer call() {
        Adoption a = new Adoption(MacAddress.parse(mac).orElseThrow(() -> new BadInputException("MAC '" + mac + "' is not a MAC address"
                + " (expected six hex pairs, e.g. 00:00:00:00:00:21, 00-00-00-00-00-21 or 0000.0000.0021)")), name, role(),
                ip.map(s -> Ipv4Address.tryParse(s).orElseThrow(() -> new BadInputException("--ip '" + s + "' is not an IPv4 address"
                        + " (expected four decimal octets 0-255, e.g. 192.168.1.213; or leave --ip out for the next free one)"))));
        Adopted done = InventoryFile.adopt(inventory.file, a);
        Machine m = done.machine();
        PrintWriter out = spec.commandLine().getOut();
        out.printf("added %s to %s at line %d: mac %s, ip %s, role %s%n", m.name(), inventory.file, done.line(), m.mac(), m.ip(),
                m.role().label());
        String index = "machines[" + (done.inventory().machines().size() - 1) + "]";
        done.inventory().warnings().stream().filter(w -> w.contains(index)).forEach(w -> out.println("warning: " + w));
        List<List<String>> steps = steps(done);
        if (!apply) {
            out.println("Next steps:");
            for (int i = 0; i < steps.size(); i++) {
                out.printf("  %d. metalboot %s%n", i + 1, String.join(" ", steps.get(i)));
            }
        }
        if (done.inventory().router().kind() == RouterKind.NONE) {
            out.println("router.kind none: no router to apply to; 'metalboot serve --proxy-dhcp' answers " + m.name() + " once restarted.");
        }
        if (m.role() == Role.MASTER) {
            out.println("A new master changes the API server's and etcd's certificates: pki cluster lists those that differ;"
                    + " reissue each with pki cluster --renew NAME.");
        }
        out.println("Restart 'metalboot serve' so that its page and /status name " + m.name() + ".");
        out.flush();
        return apply ? run(steps, out) : 0;
    }

    /** The commands that make the certificates, the boot data and the router follow the inventory. */
    private List<List<String>> steps(Adopted done) {
        String c = inventory.file.toString();
        Path dir = Optional.ofNullable(inventory.file.getParent()).orElse(Path.of("."));
        List<List<String>> steps = new ArrayList<>();
        steps.add(List.of("pki", "cluster", "-c", c, "--out", dir.resolve("pki").toString()));
        steps.add(List.of("render-data", "-c", c, "--out", dir.toString()));
        if (done.inventory().router().kind() != RouterKind.NONE) {
            if (apply) {
                steps.add(yes ? List.of("apply", "-c", c, "--yes") : List.of("apply", "-c", c));
            } else {
                steps.add(List.of("plan", "-c", c));
                steps.add(List.of("apply", "-c", c));
            }
        }
        return steps;
    }

    /** Runs {@code steps} in-process, in order; the first that fails stops the rest and is named. */
    private int run(List<List<String>> steps, PrintWriter out) {
        PrintWriter err = spec.commandLine().getErr();
        for (int i = 0; i < steps.size(); i++) {
            String shown = "metalboot " + String.join(" ", steps.get(i));
            out.printf("%n$ %s%n", shown);
            out.flush();
            int status = Main.commandLine().setOut(out).setErr(err).execute(steps.get(i).toArray(String[]::new));
            if (status != 0) {
                List<String> left = steps.subList(i, steps.size()).stream().map(s -> "metalboot " + String.join(" ", s)).toList();
                err.printf("metalboot adopt: step %d of %d failed (exit %d): %s; %s stays in %s. Once that is fixed, run: %s%n",
                        i + 1, steps.size(), status, shown, name, inventory.file, String.join(", then ", left));
                err.flush();
                return status;
            }
        }
        out.printf("%n%s is in the inventory, its certificates and boot data are written%s.%n", name,
                steps.size() > 2 ? " and the router leases it its address" : "");
        out.flush();
        return 0;
    }

    private Role role() {
        return switch (role) {
            case "worker" -> Role.WORKER;
            case "master" -> Role.MASTER;
            default -> throw new BadInputException("--role '" + role + "' is not worker or master (an adopted machine joins the"
                    + " cluster as one of them)");
        };
    }
}
