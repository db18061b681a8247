package io.metalboot.pki;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metalboot.boot.ServedProject;
import io.metalboot.boot.ServedProject.Config;
import io.metalboot.router.RequiredTool;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The etcd unit is what runs: each member's {@code etcd-member.service} ExecStart is taken from the
 * Ignition the boot server hands that machine, its TLS files from the same Ignition, and Debian's
 * etcd runs exactly those flags. The inventory puts the machines on 127.0.0.11-13; only the ports
 * (2379/2380, which may be taken here), the data dir and the /etc/etcd/tls directory are rewritten.
 * The ring must report healthy to etcdctl holding the API server's etcd client certificate, from the
 * master's Ignition, at the endpoints the master's kube-apiserver unit names.
 */
class EtcdUnitRingTest {
    static final Path INVENTORY = Path.of("src/test/resources/pki/loopback-cluster.yaml");
    static final Map<String, String> MEMBERS = new LinkedHashMap<>(Map.of("etcd-a", "02:00:00:00:00:0a", "etcd-b", "02:00:00:00:00:0b",
            "etcd-c", "02:00:00:00:00:0c"));
    static final Pattern URL = Pattern.compile("https://(127\\.0\\.0\\.\\d+):(\\d+)");

    @Test
    void theRenderedEtcdUnitsFormAHealthyThreeMemberRing(@TempDir Path dir) throws Exception {
        RequiredTool etcd = RequiredTool.find("etcd", "etcd-server");
        RequiredTool etcdctl = RequiredTool.find("etcdctl", "etcd-client");
        Map<String, Config> configs = new LinkedHashMap<>();
        try (ServedProject served = ServedProject.render(INVENTORY, dir.resolve("data"))) {
            for (var m : new java.util.TreeMap<>(MEMBERS).entrySet()) {
                configs.put(m.getKey(), Config.parse(served.ignition(m.getValue(), true)));
            }
        }
        Map<String, String> ports = new HashMap<>();
        List<Background> ring = new ArrayList<>();
        try {
            for (var e : configs.entrySet()) {
                String member = e.getKey();
                List<List<String>> execs = Config.execStarts(e.getValue().unit("etcd-member.service").contents().orElseThrow());
                assertEquals(1, execs.size(), member + ": one ExecStart");
                List<String> command = new ArrayList<>(execs.get(0));
                assertEquals("/opt/bin/etcd", command.get(0));
                command.set(0, etcd.path().toString());
                Path home = Files.createDirectories(dir.resolve(member));
                for (int i = 1; i < command.size(); i++) {
                    String arg = rewritePorts(command.get(i), ports);
                    arg = arg.replace("=/var/lib/etcd", "=" + home.resolve("data"));
                    int tls = arg.indexOf("=/etc/etcd/tls/");
                    if (tls > 0) {
                        String path = arg.substring(tls + 1);
                        Config.File f = e.getValue().files().get(path);
                        assertTrue(f != null && f.inline().isPresent(), member + ": " + arg + " names " + path + ", which its Ignition lacks");
                        Path local = home.resolve("tls").resolve(path.substring("/etc/etcd/tls/".length()));
                        Files.createDirectories(local.getParent());
                        Files.writeString(local, f.inline().get());
                        Files.setPosixFilePermissions(local, java.nio.file.attribute.PosixFilePermissions.fromString(
                                f.mode() == 0600 ? "rw-------" : "rw-r--r--"));
                        arg = arg.substring(0, tls + 1) + local;
                    }
                    command.set(i, arg);
                }
                ring.add(Background.start(member, home, command));
            }
            Config master = configs.get("etcd-a");
            String apiserver = Config.execStarts(master.unit("kube-apiserver.service").contents().orElseThrow()).get(0).stream()
                    .filter(a -> a.startsWith("--etcd-servers=")).findFirst().orElseThrow();
            String endpoints = rewritePorts(apiserver.substring("--etcd-servers=".length()), ports);
            assertEquals(3, endpoints.split(",").length, endpoints);
            Path client = Files.createDirectories(dir.resolve("apiserver"));
            for (String name : List.of("ca.pem", "etcd-client.pem", "etcd-client-key.pem")) {
                Files.writeString(client.resolve(name), master.files().get("/etc/kubernetes/pki/" + name).inline().orElseThrow());
            }
            List<String> health = List.of("--endpoints", endpoints, "--dial-timeout", "3s", "--command-timeout", "5s",
                    "--cacert", client.resolve("ca.pem").toString(), "--cert", client.resolve("etcd-client.pem").toString(),
                    "--key", client.resolve("etcd-client-key.pem").toString(), "endpoint", "health");
            RequiredTool.Run[] last = new RequiredTool.Run[1];
            await("etcd ring from the rendered units healthy").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                    .failFast("an etcd member exited:\n" + ring.stream().map(Background::output).collect(Collectors.joining("\n----\n")),
                            () -> ring.stream().anyMatch(b -> b.output().contains("\"level\":\"fatal\"")))
                    .until(() -> {
                        last[0] = etcdctl.run(health.toArray(String[]::new));
                        return last[0].exitCode() == 0;
                    });
            for (String url : endpoints.split(",")) {
                assertTrue(last[0].output().contains(url + " is healthy: successfully committed proposal"), last[0].output());
            }
        } finally {
            for (Background b : ring) {
                b.close();
            }
        }
    }

    /** Each {@code https://IP:PORT} gets a port free on IP, the same one wherever it appears. */
    private static String rewritePorts(String arg, Map<String, String> ports) {
        Matcher m = URL.matcher(arg);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String ip = m.group(1);
            String port = ports.computeIfAbsent(m.group(0), k -> {
                try {
                    return Integer.toString(Background.freePort(InetAddress.getByName(ip)));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            m.appendReplacement(out, Matcher.quoteReplacement("https://" + ip + ":" + port));
        }
        return m.appendTail(out).toString();
    }
}
