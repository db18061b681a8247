package io.metalboot.boot;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.metalboot.bootarch.BootArch.Cpu;
import io.metalboot.inventory.Inventory;
import io.metalboot.inventory.Machine;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A matchbox data dir for the inventory, as the seed lays it out: an {@code install} group without
 * selectors (every machine not yet installed) whose profile PXE-boots the OS and installs it to disk,
 * then per machine a group selecting {@code mac} + {@code os=installed} with the machine's own
 * profile and Ignition: masters and workers get {@code k8s-node.yaml} (etcd, kubelet, the control
 * plane on masters), machines with role {@code none} only {@code node.yaml}. The files are plain
 * matchbox JSON and templates (path to content).
 */
public final class DataDirWriter {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private DataDirWriter() {
    }

    /** {@code coreos} (the seed's legacy flow) or {@code flatcar}: asset names, kernel arguments and installer. */
    record OsLayout(String assets, String kernel, String initrd, String argPrefix, String installer) {
        static OsLayout of(Inventory.Os os) {
            return switch (os.kind()) {
                case "coreos" -> new OsLayout("/assets/coreos/" + os.version(), "coreos_production_pxe.vmlinuz",
                        "coreos_production_pxe_image.cpio.gz", "coreos", "coreos-install");
                case "flatcar" -> new OsLayout("/assets/flatcar/" + os.version(), "flatcar_production_pxe.vmlinuz",
                        "flatcar_production_pxe_image.cpio.gz", "flatcar", "flatcar-install");
                default -> throw new BootException(500, "os.kind '" + os.kind() + "' has no boot layout (expected coreos or flatcar)");
            };
        }
    }

    public static Map<String, String> files(Inventory inv) {
        Map<String, String> files = new LinkedHashMap<>();
        Inventory.Os os = inv.os();
        OsLayout layout = OsLayout.of(os);
        String base = inv.bootServer().baseUrl();
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("os_channel", os.channel());
        meta.put("os_version", os.version());
        meta.put("install_disk", os.installDisk());
        meta.put("installer", layout.installer());
        meta.put("ignition_endpoint", base + "/ignition");
        os.baseUrl().ifPresent(url -> meta.put("base_url", url));
        meta.put("ssh_authorized_keys", inv.ssh().authorizedKeys());
        files.put("groups/install.json", json(group("install", "Install " + os.kind() + " " + os.version() + " to disk", "install",
                Map.of(), meta)));
        files.put("profiles/install.json", json(installProfile("install", "", layout, base, "ttyS0")));
        if (inv.machines().stream().anyMatch(m -> m.arch() == Cpu.ARM64)) {
            // iPXE's ${buildarch} reaches /ipxe as arch=arm64: one selector beats the default install group
            files.put("groups/install-arm64.json", json(group("install-arm64", "Install " + os.kind() + " " + os.version()
                    + " to disk (arm64)", "install-arm64", Map.of("arch", Cpu.ARM64.label()), meta)));
            files.put("profiles/install-arm64.json", json(installProfile("install-arm64", " (arm64)", layout, base, "ttyAMA0")));
        }
        files.put("ignition/install.yaml", resource("install.yaml"));
        files.put("ignition/node.yaml", resource("node.yaml"));
        files.put("ignition/k8s-node.yaml", resource("k8s-node.yaml"));
        ClusterFacts cluster = ClusterFacts.of(inv);
        for (Machine m : inv.machines()) {
            String role = m.role().label();
            Map<String, Object> own = new LinkedHashMap<>();
            own.put("hostname", m.name());
            own.put("ipv4_address", m.ip().toString());
            own.put("role", role);
            own.put("ssh_authorized_keys", inv.ssh().authorizedKeys());
            own.put("static_network", Map.of()); // empty: the router's fixed lease gives the address
            if (inv.router().kind() == io.metalboot.router.plan.RouterKind.NONE) { // no fixed lease: a static address
                own.put("static_network", Map.of("mac", m.mac().toString(), "address", m.ip() + "/" + inv.network().subnet().prefixLength(),
                        "gateway", inv.network().gateway().toString(), "dns", inv.network().dns().stream().map(Object::toString).toList()));
            }
            if (m.role() != Machine.Role.NONE) {
                own.putAll(cluster.forNode(m));
            }
            files.put("groups/" + m.name() + ".json", json(group(m.name(), m.name() + " (" + role + "), installed", "node-" + role,
                    Map.of("mac", m.mac().toString(), "os", "installed"), own)));
            if (!files.containsKey("profiles/node-" + role + ".json")) {
                files.put("profiles/node-" + role + ".json", json(JSON.createObjectNode().put("id", "node-" + role)
                        .put("name", "Installed " + role).put("ignition_id", m.role() == Machine.Role.NONE ? "node.yaml" : "k8s-node.yaml")));
            }
        }
        return files;
    }

    /** The PXE install profile; the arm64 one takes the images from {@code arm64/} under the version's assets. */
    private static ObjectNode installProfile(String id, String suffix, OsLayout layout, String base, String serial) {
        String assets = layout.assets() + (suffix.isEmpty() ? "" : "/" + Cpu.ARM64.label());
        ObjectNode profile = JSON.createObjectNode().put("id", id).put("name", "PXE-boot " + layout.argPrefix() + " and install it" + suffix);
        ObjectNode boot = profile.putObject("boot");
        boot.put("kernel", assets + "/" + layout.kernel());
        boot.putArray("initrd").add(assets + "/" + layout.initrd());
        boot.putArray("args").add("initrd=" + layout.initrd())
                .add(layout.argPrefix() + ".config.url=" + base + "/ignition?uuid=${uuid}&mac=${mac:hexhyp}")
                .add(layout.argPrefix() + ".first_boot=yes").add("console=tty0").add("console=" + serial);
        return profile.put("ignition_id", "install.yaml");
    }

    /**
     * What every node's Kubernetes template needs to know about the others: the etcd ring (all masters
     * and workers), the API server (the first master), the ranges, and where the binaries come from.
     */
    record ClusterFacts(Inventory inv, List<Machine> nodes) {
        static final String ETCD_VERSION = "v3.5.17";
        static final String CNI_PLUGINS_VERSION = "v1.6.2";

        static ClusterFacts of(Inventory inv) {
            return new ClusterFacts(inv, inv.machines().stream().filter(m -> m.role() != Machine.Role.NONE).toList());
        }

        Map<String, Object> forNode(Machine node) {
            Inventory.Kubernetes k8s = inv.kubernetes();
            Map<String, Object> meta = new LinkedHashMap<>();
            meta.put("cluster_name", inv.cluster().name());
            meta.put("k8s_version", k8s.version());
            meta.put("k8s_download_url", "https://dl.k8s.io/release/" + k8s.version() + "/bin/linux/amd64");
            String etcdDir = "etcd-" + ETCD_VERSION + "-linux-amd64";
            meta.put("etcd_archive_dir", etcdDir);
            meta.put("etcd_download_url", "https://github.com/etcd-io/etcd/releases/download/" + ETCD_VERSION + "/" + etcdDir + ".tar.gz");
            meta.put("cni_download_url", "https://github.com/containernetworking/plugins/releases/download/" + CNI_PLUGINS_VERSION
                    + "/cni-plugins-linux-amd64-" + CNI_PLUGINS_VERSION + ".tgz");
            meta.put("etcd_initial_cluster", String.join(",", nodes.stream().map(n -> n.name() + "=https://" + n.ip() + ":2380").toList()));
            meta.put("etcd_endpoints", String.join(",", nodes.stream().map(n -> "https://" + n.ip() + ":2379").toList()));
            meta.put("api_server", apiServer());
            meta.put("service_cidr", k8s.serviceCidr().toString());
            meta.put("pod_cidr", k8s.podCidr().toString());
            meta.put("pod_subnet", k8s.podSubnet(nodes.indexOf(node)).toString());
            List<Map<String, String>> routes = new ArrayList<>();
            for (int i = 0; i < nodes.size(); i++) {
                if (!nodes.get(i).equals(node)) {
                    routes.add(Map.of("subnet", k8s.podSubnet(i).toString(), "via", nodes.get(i).ip().toString()));
                }
            }
            meta.put("pod_routes", routes);
            meta.put("cluster_dns", k8s.dnsServiceIp().toString());
            meta.put("cluster_domain", k8s.clusterDomain());
            meta.put("insecure_registries", k8s.insecureRegistries());
            meta.put("kubeconfigs", node.role() == Machine.Role.MASTER
                    ? List.of("kubelet", "kube-proxy", "kube-controller-manager", "kube-scheduler") : List.of("kubelet", "kube-proxy"));
            return meta;
        }

        /** The API server's URL (the inventory's first master). */
        String apiServer() {
            return inv.apiServer().orElseThrow(() -> new BootException(500,
                    "the inventory has workers but no master, so there is no API server; give one machine role: master"));
        }
    }

    private static ObjectNode group(String id, String name, String profile, Map<String, String> selector, Map<String, Object> meta) {
        ObjectNode g = JSON.createObjectNode().put("id", id).put("name", name).put("profile", profile);
        if (!selector.isEmpty()) {
            g.set("selector", JSON.valueToTree(new java.util.TreeMap<>(selector)));
        }
        g.set("metadata", JSON.valueToTree(meta));
        return g;
    }

    private static String json(ObjectNode node) {
        try {
            return JSON.writeValueAsString(node) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = DataDirWriter.class.getResourceAsStream("/metalboot/data/ignition/" + name)) {
            if (in == null) {
                throw new IllegalStateException("metalboot/data/ignition/" + name + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
