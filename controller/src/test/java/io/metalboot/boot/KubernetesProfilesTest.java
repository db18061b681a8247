package io.metalboot.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metalboot.boot.ServedProject.Config;
import io.metalboot.router.RequiredTool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code metalboot init}, then the boot server on the result: what each of the seed's three machines
 * fetches over HTTP in both phases passes the real {@code ignition-validate}, every unit passes
 * {@code systemd-analyze verify}, each node carries only its own private keys, and the admin
 * kubeconfig is read by {@code kubectl}.
 */
class KubernetesProfilesTest {
    /** The seed's machines: name, MAC, role. */
    static final Map<String, String> MACHINES = Map.of("kube-master", "00:00:00:00:00:01", "kube-worker-1", "00:00:00:00:00:11",
            "kube-worker-2", "00:00:00:00:00:12");

    @TempDir
    static Path dir;
    static ServedProject served;

    @BeforeAll
    static void initAndServe() throws IOException {
        served = ServedProject.init(dir.resolve("lab"));
    }

    @AfterAll
    static void stop() throws IOException {
        if (served != null) {
            served.close();
        }
    }

    @Test
    void bothPhasesOfEveryMachinePassIgnitionValidate() throws Exception {
        RequiredTool validate = RequiredTool.find("ignition-validate", "ignition");
        for (String mac : MACHINES.values()) {
            for (boolean installed : new boolean[] {false, true}) {
                Path file = dir.resolve(mac.replace(':', '-') + (installed ? "-installed" : "-install") + ".ign");
                Files.writeString(file, served.ignition(mac, installed));
                RequiredTool.Run run = validate.run(file.toString());
                assertEquals(0, run.exitCode(), file + ": " + run.output());
                assertEquals("", run.output().strip(), file + ": ignition-validate warned");
            }
        }
    }

    /**
     * Every unit of both phases through {@code systemd-analyze verify --root}: the root holds the units
     * (and drop-ins) as Ignition writes them, a copy of this machine's own unit directory for targets
     * like network-online.target, Flatcar's containerd.service and docker.service as stubs, and an
     * executable stub for every ExecStart binary that Flatcar or Ignition would provide (kubelet,
     * etcd, tar, ...). verify must print nothing: an unknown key or a bad dependency is a failure.
     */
    @Test
    void everyUnitPassesSystemdAnalyzeVerify() throws Exception {
        RequiredTool analyze = RequiredTool.find("systemd-analyze", "systemd");
        for (Map.Entry<String, String> m : MACHINES.entrySet()) {
            for (boolean installed : new boolean[] {false, true}) {
                Config config = Config.parse(served.ignition(m.getValue(), installed));
                Path root = dir.resolve("root-" + m.getKey() + (installed ? "-installed" : "-install"));
                List<Path> units = SystemdRoot.write(root, config);
                assertFalse(units.isEmpty(), m.getKey() + " has no units");
                List<String> args = new ArrayList<>(List.of("verify", "--root=" + root));
                units.forEach(u -> args.add(u.toString()));
                RequiredTool.Run run = analyze.run(args.toArray(String[]::new));
                assertEquals(0, run.exitCode(), m.getKey() + ": " + run.output());
                assertEquals("", run.output().strip(), m.getKey() + ": systemd-analyze verify printed problems");
            }
        }
    }

    /** One master alone: an etcd ring of one, no routes to other nodes (so no pod-routes unit), still valid everywhere. */
    @Test
    void aSingleMasterClusterIsValidToo() throws Exception {
        RequiredTool validate = RequiredTool.find("ignition-validate", "ignition");
        RequiredTool analyze = RequiredTool.find("systemd-analyze", "systemd");
        Path one = Files.createDirectories(dir.resolve("one"));
        String inventory = Files.readString(dir.resolve("lab/cluster.yaml"));
        int workers = inventory.indexOf("  - name: kube-worker-1");
        Files.writeString(one.resolve("cluster.yaml"), inventory.substring(0, workers) + inventory.substring(inventory.indexOf("  - name: node00")));
        try (ServedProject single = ServedProject.render(one.resolve("cluster.yaml"), one)) {
            String json = single.ignition(MACHINES.get("kube-master"), true);
            Files.writeString(one.resolve("master.ign"), json);
            RequiredTool.Run valid = validate.run(one.resolve("master.ign").toString());
            assertEquals(0, valid.exitCode(), valid.output());
            Config config = Config.parse(json);
            assertTrue(config.units().stream().noneMatch(u -> u.name().equals("pod-routes.service")));
            assertTrue(config.unit("etcd-member.service").contents().orElseThrow()
                    .contains("--initial-cluster=kube-master=https://192.168.1.201:2380 \\\n"));
            List<String> args = new ArrayList<>(List.of("verify", "--root=" + one.resolve("root")));
            SystemdRoot.write(one.resolve("root"), config).forEach(u -> args.add(u.toString()));
            RequiredTool.Run run = analyze.run(args.toArray(String[]::new));
            assertEquals("", run.output().strip());
            assertEquals(0, run.exitCode());
        }
    }

    @Test
    void eachNodeHoldsOnlyItsOwnPrivateKeysAndNeverTheCaKey() throws Exception {
        Path pki = dir.resolve("lab/pki");
        Map<String, String> keyFileByContent;
        try (Stream<Path> files = Files.list(pki)) {
            keyFileByContent = files.filter(f -> f.getFileName().toString().endsWith("-key.pem"))
                    .collect(Collectors.toMap(KubernetesProfilesTest::read, f -> f.getFileName().toString()));
        }
        Set<String> masterOnly = Set.of("apiserver-key.pem", "apiserver-kubelet-client-key.pem", "etcd-client-key.pem",
                "service-account-key.pem", "kube-controller-manager-key.pem", "kube-scheduler-key.pem");
        for (Map.Entry<String, String> m : MACHINES.entrySet()) {
            String node = m.getKey();
            Set<String> expected = new TreeSet<>(Set.of("etcd-server-" + node + "-key.pem", "etcd-peer-" + node + "-key.pem",
                    "kubelet-" + node + "-key.pem", "kube-proxy-" + node + "-key.pem"));
            if (node.equals("kube-master")) {
                expected.addAll(masterOnly);
            }
            for (boolean installed : new boolean[] {false, true}) {
                Config config = Config.parse(served.ignition(m.getValue(), installed));
                Set<String> carried = new TreeSet<>();
                for (Config.File f : config.files().values()) {
                    String text = f.inline().orElse("");
                    if (text.contains("PRIVATE KEY")) {
                        String which = keyFileByContent.get(text);
                        assertTrue(which != null, node + ": " + f.path() + " holds a private key that is not one of " + pki);
                        carried.add(which);
                        assertEquals(0600, f.mode(), node + ": " + f.path() + " holds " + which + " but has mode 0"
                                + Integer.toOctalString(f.mode()));
                    }
                }
                assertEquals(installed ? expected : Set.of(), carried, node + (installed ? " installed" : " install phase"));
                assertFalse(carried.contains("ca-key.pem"));
            }
        }
    }

    /**
     * Every file a unit or a config names under /etc/kubernetes or /etc/etcd is one the same Ignition
     * writes, and every component kubeconfig parses with kubectl and points at the API server: a
     * typo in a path would otherwise only show on a booted machine.
     */
    @Test
    void everyFileTheUnitsAndConfigsNameIsWrittenAndTheKubeconfigsParse() throws Exception {
        RequiredTool kubectl = RequiredTool.find("kubectl", "kubernetes-client");
        java.util.regex.Pattern named = java.util.regex.Pattern.compile("/etc/(?:kubernetes|etcd)/[A-Za-z0-9./_-]+");
        for (Map.Entry<String, String> m : MACHINES.entrySet()) {
            Config config = Config.parse(served.ignition(m.getValue(), true));
            List<String> texts = new ArrayList<>();
            config.units().forEach(u -> u.contents().ifPresent(texts::add));
            config.files().values().forEach(f -> f.inline().ifPresent(texts::add));
            for (String text : texts) {
                java.util.regex.Matcher found = named.matcher(text);
                while (found.find()) {
                    assertTrue(config.files().containsKey(found.group()), m.getKey() + ": " + found.group() + " is named but not written");
                }
            }
            for (Config.File f : config.files().values()) {
                if (f.path().endsWith(".kubeconfig")) {
                    Path local = Files.writeString(dir.resolve(m.getKey() + "-" + Path.of(f.path()).getFileName()), f.inline().orElseThrow());
                    RequiredTool.Run view = kubectl.run("config", "view", "--kubeconfig", local.toString(), "-o",
                            "jsonpath={.clusters[0].cluster.server} {.users[0].user.client-certificate}");
                    assertEquals(0, view.exitCode(), view.output());
                    String who = Path.of(f.path()).getFileName().toString().replace(".kubeconfig", "");
                    assertEquals("https://192.168.1.201:6443 /etc/kubernetes/pki/" + who + ".pem", view.output().strip(), f.path());
                }
            }
        }
    }

    @Test
    void adminKubeconfigParsesWithKubectl() throws Exception {
        RequiredTool kubectl = RequiredTool.find("kubectl", "kubernetes-client");
        Path lab = dir.resolve("lab");
        ServedProject.metalboot("kubeconfig", "-c", lab.resolve("cluster.yaml").toString());
        Path file = lab.resolve("kubeconfig");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        RequiredTool.Run view = kubectl.run("config", "view", "--kubeconfig", file.toString(), "-o",
                "jsonpath={.current-context} {.clusters[0].cluster.server} {.users[0].name}");
        assertEquals(0, view.exitCode(), view.output());
        assertEquals("admin@home-lab https://192.168.1.201:6443 admin@home-lab", view.output().strip());
        RequiredTool.Run raw = kubectl.run("config", "view", "--kubeconfig", file.toString(), "--raw", "--minify", "-o",
                "jsonpath={.users[0].user.client-key-data}");
        assertEquals(0, raw.exitCode(), raw.output());
        assertEquals(read(lab.resolve("pki/admin-key.pem")),
                new String(java.util.Base64.getDecoder().decode(raw.output().strip()), java.nio.charset.StandardCharsets.US_ASCII));
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
