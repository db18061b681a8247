package io.metalboot.inventory;

import io.metalboot.bootarch.BootArch.Cpu;
import io.metalboot.bootarch.OsImages;
import io.metalboot.inventory.Machine.Role;
import io.metalboot.router.Ipv4Address;
import io.metalboot.router.MacAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** The {@code machines} list: each machine's name, MAC, fixed IP and role; names, MACs and IPs unique. */
record MachinesReader(Problems problems, Fields top) {
    /** A machine that read cleanly, with its position in the list (for messages). */
    record Entry(int index, Machine machine) {
        String path(String field) {
            return "machines[" + index + "]." + field;
        }
    }

    private static final List<String> FIELDS = List.of("name", "mac", "ip", "role", "arch");
    private static final List<String> ROLES = List.of("master", "worker", "none");
    private static final List<String> ARCHES = java.util.Arrays.stream(Cpu.values()).map(Cpu::label).toList();

    /** What was read: the machines that read cleanly (the rest were reported) and whether that is all of them. */
    record Result(List<Entry> entries, boolean complete) {
    }

    /** Empty when the list itself is unusable; {@code os} decides which {@code arch} values have an install profile. */
    Optional<Result> read(Inventory.Os os) {
        Optional<Node> node = top.requiredNode("machines", "the list of machines to boot, each with name, mac, ip and role");
        if (node.isEmpty()) {
            return Optional.empty();
        }
        if (!(node.get() instanceof SequenceNode seq)) {
            problems.add(node.get(), "machines must be a list (each entry starting with '- name: ...'), found " + Fields.describe(node.get()));
            return Optional.empty();
        }
        if (seq.getValue().isEmpty()) {
            problems.add(seq, "machines is empty; list at least one machine (name, mac, ip, role)");
            return Optional.empty();
        }
        Values values = new Values(problems);
        Map<String, Scalar> names = new HashMap<>();
        Map<MacAddress, Scalar> macs = new HashMap<>();
        Map<Ipv4Address, Scalar> ips = new HashMap<>();
        List<Entry> machines = new ArrayList<>();
        for (int i = 0; i < seq.getValue().size(); i++) {
            String path = "machines[" + i + "]";
            Optional<Fields> f = Fields.of(problems, path, seq.getValue().get(i), FIELDS);
            if (f.isEmpty()) {
                continue;
            }
            Optional<Scalar> nameS = f.get().required("name", "e.g. kube-worker-1");
            Optional<Scalar> macS = f.get().required("mac", "the boot NIC's MAC address, e.g. 00:00:00:00:00:11");
            Optional<Scalar> ipS = f.get().required("ip", "the fixed address to lease, e.g. 192.168.1.211");
            Optional<String> name = nameS.flatMap(values::label).filter(n -> unique(names, n, nameS.get(), "name"));
            Optional<MacAddress> mac = macS.flatMap(values::mac).filter(m -> unique(macs, m, macS.get(), "MAC"));
            Optional<Ipv4Address> ip = ipS.flatMap(values::ipv4).filter(a -> unique(ips, a, ipS.get(), "IP address"));
            Optional<Role> role = f.get().required("role", "master, worker or none")
                    .flatMap(s -> values.oneOf(s, ROLES)).map(r -> Role.valueOf(r.toUpperCase()));
            Optional<Scalar> archS = f.get().scalar("arch");
            Optional<Cpu> arch = archS.isEmpty() ? Optional.of(Cpu.AMD64) : archS.flatMap(s -> values.oneOf(s, ARCHES))
                    .flatMap(Cpu::of).filter(c -> profiled(os, c, archS.get()));
            if (name.isPresent() && mac.isPresent() && ip.isPresent() && role.isPresent() && arch.isPresent()) {
                machines.add(new Entry(i, new Machine(name.get(), mac.get(), ip.get(), role.get(), arch.get())));
            }
        }
        return Optional.of(new Result(machines, machines.size() == seq.getValue().size()));
    }

    /** True when the OS has install images, hence a profile, for {@code cpu}; else reports it at {@code s}. */
    private boolean profiled(Inventory.Os os, Cpu cpu, Scalar s) {
        if (OsImages.cpus(os.kind()).contains(cpu)) {
            return true;
        }
        problems.add(s.line(), s.shown() + " has no install profile: os.kind " + os.kind() + " has no " + cpu.label()
                + " images (use os.kind flatcar, whose arm64-usr images metalboot serves, or arch amd64)");
        return false;
    }

    /** Records {@code key} as seen at {@code s}; reports a duplicate naming both places. */
    private <K> boolean unique(Map<K, Scalar> seen, K key, Scalar s, String what) {
        Scalar first = seen.putIfAbsent(key, s);
        if (first == null) {
            return true;
        }
        String owner = first.path().substring(0, first.path().lastIndexOf('.'));
        problems.add(s.line(), s.shown() + " is already used by " + owner + " at line " + first.line()
                + "; each machine needs its own " + what);
        return false;
    }
}
