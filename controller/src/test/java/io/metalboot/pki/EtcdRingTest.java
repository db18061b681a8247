package io.metalboot.pki;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metalboot.cli.Cli;
import io.metalboot.router.RequiredTool;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A three-member etcd ring (Debian etcd-server) on 127.0.0.11-13 with peer and client TLS made by
 * {@code pki cluster} from an inventory whose machines are on loopback; healthy through etcdctl
 * with the etcd client certificate.
 */
class EtcdRingTest {
    static final Path INVENTORY = Path.of("src/test/resources/pki/loopback-cluster.yaml");
    static final List<String> MEMBERS = List.of("etcd-a", "etcd-b", "etcd-c");
    static final List<String> IPS = List.of("127.0.0.11", "127.0.0.12", "127.0.0.13");

    @Test
    void threeMembersWithTlsFromPkiClusterReportHealthy(@TempDir Path dir) throws Exception {
        RequiredTool etcd = RequiredTool.find("etcd", "etcd-server");
        RequiredTool etcdctl = RequiredTool.find("etcdctl", "etcd-client");
        Path pki = dir.resolve("pki");
        Cli.ok("pki", "cluster", "-c", INVENTORY.toString(), "--out", pki.toString());

        List<String> peerUrls = new ArrayList<>();
        List<String> clientUrls = new ArrayList<>();
        for (String ip : IPS) {
            InetAddress a = InetAddress.getByName(ip);
            peerUrls.add("https://" + ip + ":" + Background.freePort(a));
            clientUrls.add("https://" + ip + ":" + Background.freePort(a));
        }
        String initialCluster = String.join(",", List.of(0, 1, 2).stream().map(i -> MEMBERS.get(i) + "=" + peerUrls.get(i)).toList());
        List<Background> ring = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                String m = MEMBERS.get(i);
                ring.add(Background.start(m, dir, List.of(etcd.path().toString(), "--name", m, "--data-dir", dir.resolve(m).toString(),
                        "--listen-peer-urls", peerUrls.get(i), "--initial-advertise-peer-urls", peerUrls.get(i),
                        "--listen-client-urls", clientUrls.get(i), "--advertise-client-urls", clientUrls.get(i),
                        "--initial-cluster", initialCluster, "--initial-cluster-state", "new", "--initial-cluster-token", "metalboot-test",
                        "--cert-file", pki + "/etcd-server-" + m + ".pem", "--key-file", pki + "/etcd-server-" + m + "-key.pem",
                        "--trusted-ca-file", pki + "/ca.pem", "--client-cert-auth",
                        "--peer-cert-file", pki + "/etcd-peer-" + m + ".pem", "--peer-key-file", pki + "/etcd-peer-" + m + "-key.pem",
                        "--peer-trusted-ca-file", pki + "/ca.pem", "--peer-client-cert-auth")));
            }
            String endpoints = String.join(",", clientUrls);
            List<String> tls = List.of("--cacert", pki + "/ca.pem", "--cert", pki + "/etcd-client.pem", "--key", pki + "/etcd-client-key.pem");
            List<String> health = new ArrayList<>(List.of("--endpoints", endpoints, "--dial-timeout", "3s", "--command-timeout", "5s"));
            health.addAll(tls);
            health.addAll(List.of("endpoint", "health"));
            RequiredTool.Run[] last = new RequiredTool.Run[1];
            await("etcd ring healthy").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).failFast(
                    "an etcd member exited:\n" + ring.stream().map(Background::output).collect(Collectors.joining("\n----\n")),
                    () -> ring.stream().anyMatch(b -> b.output().contains("exiting") || b.output().contains("\"level\":\"fatal\"")))
                    .until(() -> {
                        last[0] = etcdctl.run(health.toArray(String[]::new));
                        return last[0].exitCode() == 0;
                    });
            for (String url : clientUrls) {
                assertTrue(last[0].output().contains(url + " is healthy: successfully committed proposal"), last[0].output());
            }
            List<String> members = new ArrayList<>(List.of("--endpoints", clientUrls.get(0)));
            members.addAll(tls);
            members.addAll(List.of("member", "list"));
            RequiredTool.Run list = etcdctl.run(members.toArray(String[]::new));
            assertEquals(0, list.exitCode(), list.output());
            for (int i = 0; i < 3; i++) {
                assertTrue(list.output().contains(", started, " + MEMBERS.get(i) + ", " + peerUrls.get(i) + ", " + clientUrls.get(i)), list.output());
            }
            // without a client certificate the members refuse the client
            RequiredTool.Run anonymous = etcdctl.run("--endpoints", clientUrls.get(0), "--dial-timeout", "3s", "--command-timeout", "5s",
                    "--cacert", pki + "/ca.pem", "endpoint", "health");
            assertNotEquals(0, anonymous.exitCode(), anonymous.output());
        } finally {
            for (Background b : ring) {
                b.close();
            }
        }
    }
}
