package io.metalboot.inventory;

import io.metalboot.inventory.Inventory.BootServer;
import io.metalboot.inventory.Inventory.Cluster;
import io.metalboot.inventory.Inventory.Kubernetes;
import io.metalboot.inventory.Inventory.Network;
import io.metalboot.inventory.Inventory.Os;
import io.metalboot.inventory.Inventory.Pool;
import io.metalboot.inventory.Inventory.Router;
import io.metalboot.inventory.Inventory.Ssh;
import io.metalboot.router.Ipv4Address;
import io.metalboot.router.Ipv4Subnet;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads and validates {@code cluster.yaml}. Every problem in the file is collected and reported
 * together as one {@link InventoryException}; an {@link Inventory} is returned only when there is none.
 * Unknown fields are errors, so later versions can add fields without old files changing meaning.
 */
public final class InventoryLoader {
    static final List<String> TOP = List.of("version", "cluster", "network", "router", "bootServer", "machines",
            "os", "kubernetes", "ssh");

    private InventoryLoader() {
    }

    public static Inventory load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InventoryException(file.toString(), "no such file; create one with the example in"
                    + " examples/home-lab/cluster.yaml or pass -c PATH", e);
        } catch (IOException e) {
            throw new InventoryException(file.toString(), "cannot read: " + e.getMessage(), e);
        }
        return parse(file.toString(), text);
    }

    /** Parses inventory text; {@code name} is how the file is named in messages. */
    public static Inventory parse(String name, String text) {
        Problems problems = new Problems(name);
        Node root;
        try (Reader r = new StringReader(text)) {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(true); // Fields reports duplicates itself, with both lines
            root = new Yaml(options).compose(r);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 1;
            problems.add(line, "not valid YAML: " + e.getProblem() + " (check indentation and quoting near this line)");
            throw new InventoryException(problems.list());
        } catch (IOException | RuntimeException e) {
            throw new InventoryException(name, "not valid YAML: " + e.getMessage(), e);
        }
        if (root == null) {
            problems.add(1, "the file is empty; start from examples/home-lab/cluster.yaml");
            throw new InventoryException(problems.list());
        }
        Optional<Inventory> inventory = Fields.of(problems, "", root, TOP).flatMap(f -> new Sections(problems, f).read());
        if (!problems.isEmpty() || inventory.isEmpty()) {
            throw new InventoryException(problems.list());
        }
        return inventory.get();
    }

    /** Reads the sections of one document; each returns empty when it reported a problem. */
    private record Sections(Problems problems, Fields top) {
        Values values() {
            return new Values(problems);
        }

        Optional<Inventory> read() {
            top.scalar("version").ifPresent(v -> {
                if (!v.value().equals("1")) {
                    problems.add(v.line(), v.shown() + " is not a version this metalboot reads (expected 1)");
                }
            });
            Optional<Cluster> cluster = section("cluster", List.of("name"), "the cluster's name, e.g. name: home-lab")
                    .flatMap(f -> f.required("name", "e.g. home-lab").flatMap(values()::label)).map(Cluster::new);
            Optional<Network> network = section("network", NetworkReader.FIELDS, "subnet, gateway, pool")
                    .flatMap(f -> new NetworkReader(values(), f).read());
            Optional<Router> router = section("router", RouterReader.FIELDS, "kind and address of the router")
                    .flatMap(f -> new RouterReader(problems, f).read());
            Optional<BootServer> boot = section("bootServer", List.of("address", "httpPort", "machine", "unknownMachines"),
                    "the address serving boot files, e.g. address: 192.168.1.250").flatMap(this::bootServer);
            Os os = optionalSection("os", List.of("kind", "channel", "version", "installDisk", "baseUrl")).map(this::os)
                    .orElse(new Os("flatcar", "stable", "current", "/dev/sda", Optional.empty()));
            Optional<MachinesReader.Result> machines = new MachinesReader(problems, top).read(os);
            Kubernetes k8s = optionalSection("kubernetes", List.of("version", "serviceCidr", "podCidr", "clusterDomain", "insecureRegistries"))
                    .map(this::kubernetes).orElse(defaultKubernetes());
            Ssh ssh = optionalSection("ssh", List.of("authorizedKeys"))
                    .map(f -> new Ssh(f.scalars("authorizedKeys").stream().flatMap(s -> values().text(s).stream()).toList()))
                    .orElse(new Ssh(List.of()));
            machines.ifPresent(m -> new InventoryRules(problems).check(network, router.map(Router::kind), boot, m, k8s));
            if (!problems.isEmpty() || cluster.isEmpty() || network.isEmpty() || router.isEmpty() || boot.isEmpty()
                    || machines.isEmpty() || !machines.get().complete()) {
                return Optional.empty();
            }
            return Optional.of(new Inventory(problems.file(), cluster.get(), network.get(), router.get(), boot.get(),
                    machines.get().entries().stream().map(MachinesReader.Entry::machine).toList(), os, k8s, ssh, problems.warnings()));
        }

        private Optional<Fields> section(String key, List<String> fields, String hint) {
            return top.requiredNode(key, hint).flatMap(n -> Fields.of(problems, key, n, fields));
        }

        private Optional<Fields> optionalSection(String key, List<String> fields) {
            return top.node(key).flatMap(n -> Fields.of(problems, key, n, fields));
        }

        private Optional<BootServer> bootServer(Fields f) {
            Optional<Ipv4Address> address = f.required("address", "e.g. 192.168.1.250").flatMap(values()::ipv4);
            int port = f.scalar("httpPort").flatMap(s -> values().integer(s, 1, 65535)).orElse(80);
            Optional<String> machine = f.scalar("machine").flatMap(values()::label);
            Optional<UnknownMachines> unknown = f.scalar("unknownMachines")
                    .flatMap(s -> values().oneOf(s, List.of("install", "discover", "ignore"))).flatMap(UnknownMachines::parse);
            return address.map(a -> new BootServer(a, port, machine, unknown));
        }

        private Os os(Fields f) {
            String kind = f.scalar("kind").flatMap(s -> values().oneOf(s, List.of("flatcar", "coreos"))).orElse("flatcar");
            String channel = f.scalar("channel").flatMap(s -> values().oneOf(s, List.of("stable", "beta", "alpha", "lts")))
                    .orElse("stable");
            String version = f.scalar("version").flatMap(values()::text).orElse("current");
            String disk = f.scalar("installDisk").flatMap(values()::text).orElse("/dev/sda");
            f.scalar("installDisk").filter(s -> !s.value().startsWith("/dev/"))
                    .ifPresent(s -> problems.add(s.line(), s.shown() + " is not a device path (expected e.g. /dev/sda or /dev/nvme0n1)"));
            Optional<String> baseUrl = f.scalar("baseUrl").flatMap(values()::text);
            baseUrl.filter(u -> !u.matches("https?://\\S+")).ifPresent(u -> problems.add(f.scalar("baseUrl").get().line(),
                    f.scalar("baseUrl").get().shown() + " is not an http(s) URL (e.g. http://192.168.1.250/assets/flatcar)"));
            return new Os(kind, channel, version, disk, baseUrl);
        }

        private Kubernetes kubernetes(Fields f) {
            Kubernetes d = defaultKubernetes();
            String version = f.scalar("version").map(s -> {
                if (!s.value().matches("v[0-9]+\\.[0-9]+\\.[0-9]+")) {
                    problems.add(s.line(), s.shown() + " is not a Kubernetes release (expected vMAJOR.MINOR.PATCH, e.g. v1.31.4)");
                }
                return s.value();
            }).orElse(d.version());
            Ipv4Subnet service = f.scalar("serviceCidr").flatMap(values()::subnet).orElse(d.serviceCidr());
            Ipv4Subnet pods = f.scalar("podCidr").flatMap(values()::subnet).orElse(d.podCidr());
            String domain = f.scalar("clusterDomain").flatMap(values()::text).orElse(d.clusterDomain());
            List<String> registries = new ArrayList<>();
            for (Scalar s : f.scalars("insecureRegistries")) {
                if (s.value().matches("[A-Za-z0-9.-]+(:[0-9]{1,5})?|[0-9.]+/[0-9]{1,2}")) {
                    registries.add(s.value());
                } else {
                    problems.add(s.line(), s.shown() + " is not a registry (expected HOST[:PORT] or a CIDR, e.g. 192.168.1.250:5000 or 10.0.0.0/8)");
                }
            }
            return new Kubernetes(version, service, pods, domain, registries);
        }

        private static Kubernetes defaultKubernetes() {
            return new Kubernetes("v1.31.4", Ipv4Subnet.parse("10.3.0.0/24"), Ipv4Subnet.parse("10.2.0.0/16"), "cluster.local", List.of());
        }
    }
}
