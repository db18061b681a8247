package io.metalboot.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metalboot.cli.Cli;
import io.metalboot.router.RequiredTool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pki cluster} on the home-lab example: what it makes, checked with openssl, and that it is idempotent. */
class PkiClusterTest {
    static final String EXAMPLE = "../examples/home-lab/cluster.yaml";
    static final List<String> BUNDLES = List.of("ca", "apiserver", "apiserver-kubelet-client", "admin",
            "kube-controller-manager", "kube-scheduler", "kubelet-kube-master", "kubelet-kube-worker-1", "kubelet-kube-worker-2",
            "kube-proxy-kube-master", "kube-proxy-kube-worker-1", "kube-proxy-kube-worker-2", "etcd-server-kube-master", "etcd-peer-kube-master", "etcd-server-kube-worker-1",
            "etcd-peer-kube-worker-1", "etcd-server-kube-worker-2", "etcd-peer-kube-worker-2", "etcd-client");

    @TempDir
    Path dir;

    Cli cluster(String... more) {
        return Cli.run(Stream.concat(Stream.of("pki", "cluster", "-c", EXAMPLE, "--out", dir.toString()), Stream.of(more))
                .toArray(String[]::new));
    }

    static String lines(String action, List<String> names) {
        return String.join("", names.stream().map(n -> String.format("%-8s %s%n", action, n)).toList());
    }

    Map<String, byte[]> snapshot() throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) {
                files.put(p.getFileName().toString(), Files.readAllBytes(p));
            }
        }
        return files;
    }

    String openssl(String... args) {
        RequiredTool.Run r = RequiredTool.find("openssl", "openssl").run(args);
        assertEquals(0, r.exitCode(), r.output());
        return r.output();
    }

    @Test
    void makesEverythingTheClusterNeedsAndOpensslAcceptsIt() throws IOException {
        Cli r = cluster();
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(lines("created", BUNDLES) + lines("created", List.of("service-account"))
                + dir + ": 20 created (ecdsa-256 keys; private keys mode 0600)\n", r.out());
        for (String b : BUNDLES) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(b + "-key.pem"))), b);
            assertEquals(dir.resolve(b + ".pem") + ": OK\n", openssl("verify", "-CAfile", dir.resolve("ca.pem").toString(),
                    dir.resolve(b + ".pem").toString()));
        }
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("service-account-key.pem"))));
        assertTrue(Files.readString(dir.resolve("service-account.pub")).startsWith("-----BEGIN PUBLIC KEY-----\n"));
        assertFalse(Files.exists(dir.resolve("kubelet-node00.pem")), "role none gets no kubelet certificate");

        String api = dir.resolve("apiserver.pem").toString();
        for (String host : List.of("kubernetes", "kubernetes.default", "kubernetes.default.svc", "kubernetes.default.svc.cluster.local",
                "kube-master")) {
            assertEquals("Hostname " + host + " does match certificate\n", openssl("x509", "-in", api, "-noout", "-checkhost", host));
        }
        for (String ip : List.of("10.3.0.1", "192.168.1.201")) {
            assertEquals("IP " + ip + " does match certificate\n", openssl("x509", "-in", api, "-noout", "-checkip", ip));
        }
        assertEquals("IP 192.168.1.211 does NOT match certificate\n", openssl("x509", "-in", api, "-noout", "-checkip", "192.168.1.211"));
        assertEquals("subject=O = system:nodes, CN = system:node:kube-worker-1\n",
                openssl("x509", "-in", dir.resolve("kubelet-kube-worker-1.pem").toString(), "-noout", "-subject"));
        assertEquals("subject=O = system:masters, CN = admin\n",
                openssl("x509", "-in", dir.resolve("admin.pem").toString(), "-noout", "-subject"));
        String peer = openssl("x509", "-in", dir.resolve("etcd-peer-kube-worker-2.pem").toString(), "-noout", "-text");
        assertTrue(peer.contains("TLS Web Server Authentication, TLS Web Client Authentication"), peer);
        assertTrue(peer.contains("DNS:kube-worker-2, DNS:localhost, IP Address:192.168.1.212, IP Address:127.0.0.1"), peer);
        String client = openssl("x509", "-in", dir.resolve("kubelet-kube-master.pem").toString(), "-noout", "-text");
        assertTrue(client.contains("X509v3 Extended Key Usage: \n                TLS Web Client Authentication\n"), client);
    }

    @Test
    void aSecondRunKeepsEverythingAndRenewReissuesOnlyWhatIsNamed() throws IOException {
        assertEquals(0, cluster().exitCode());
        Map<String, byte[]> first = snapshot();
        Cli again = cluster();
        assertEquals(lines("kept", BUNDLES) + lines("kept", List.of("service-account"))
                + dir + ": 20 kept (ecdsa-256 keys; private keys mode 0600)\n", again.out());
        assertEquals(first.keySet(), snapshot().keySet());
        first.forEach((name, bytes) -> assertTrue(Arrays.equals(bytes, snapshot(name)), name + " unchanged"));

        Cli renew = cluster("--renew", "apiserver");
        assertTrue(renew.out().contains("renewed  apiserver\n"), renew.out());
        Map<String, byte[]> after = snapshot();
        first.forEach((name, bytes) -> assertEquals(!name.startsWith("apiserver.") && !name.startsWith("apiserver-key."),
                Arrays.equals(bytes, after.get(name)), name));
    }

    private byte[] snapshot(String name) {
        try {
            return Files.readAllBytes(dir.resolve(name));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theCaIsReplacedOnlyWithForceAndThenEverythingIsReissued() throws IOException {
        assertEquals(0, cluster().exitCode());
        byte[] caKey = Files.readAllBytes(dir.resolve("ca-key.pem"));
        Cli refused = cluster("--renew", "ca");
        assertEquals(2, refused.exitCode());
        assertEquals("metalboot: --renew ca replaces the CA, and every certificate it signed must then be reissued and redistributed;"
                + " add --force if that is what you want\n", refused.err());
        assertTrue(Arrays.equals(caKey, Files.readAllBytes(dir.resolve("ca-key.pem"))));

        Cli forced = cluster("--renew", "ca", "--force");
        assertEquals(0, forced.exitCode(), forced.err());
        assertTrue(forced.out().startsWith("renewed  ca: new key; every certificate below is reissued\n"
                + "reissued apiserver: was signed by another CA\n"), forced.out());
        assertFalse(Arrays.equals(caKey, Files.readAllBytes(dir.resolve("ca-key.pem"))));
        assertEquals(dir.resolve("admin.pem") + ": OK\n", openssl("verify", "-CAfile", dir.resolve("ca.pem").toString(),
                dir.resolve("admin.pem").toString()));
    }

    @Test
    void missingFilesAreMadeAgainAndAMissingCaKeyIsAnError() throws IOException {
        assertEquals(0, cluster().exitCode());
        Files.delete(dir.resolve("kubelet-kube-worker-1.pem"));
        Cli r = cluster();
        assertTrue(r.out().contains("reissued kubelet-kube-worker-1: incomplete: kubelet-kube-worker-1.pem missing\n"), r.out());
        assertTrue(r.out().endsWith(dir + ": 19 kept, 1 reissued (ecdsa-256 keys; private keys mode 0600)\n"), r.out());

        Files.delete(dir.resolve("ca-key.pem"));
        Cli noKey = cluster();
        assertEquals(2, noKey.exitCode());
        assertEquals("metalboot: " + dir + "/ca.pem exists but " + dir + "/ca-key.pem does not; restore ca-key.pem, or run with"
                + " --renew ca --force to start a new CA (every certificate is then reissued)\n", noKey.err());
    }

    @Test
    void aCertificateThatNoLongerMatchesTheInventoryIsKeptAndReported(@TempDir Path other) throws IOException {
        assertEquals(0, cluster().exitCode());
        Path moved = other.resolve("cluster.yaml");
        Files.writeString(moved, Files.readString(Path.of(EXAMPLE)).replace("ip: 192.168.1.201", "ip: 192.168.1.202"));
        Cli r = Cli.run("pki", "cluster", "-c", moved.toString(), "--out", dir.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("kept     apiserver: differs from the inventory (SANs DNS:kubernetes,DNS:kubernetes.default,"
                + "DNS:kubernetes.default.svc,DNS:kubernetes.default.svc.cluster.local,DNS:kube-master,IP:10.3.0.1,IP:192.168.1.201,"
                + " wanted DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc,DNS:kubernetes.default.svc.cluster.local,"
                + "DNS:kube-master,IP:10.3.0.1,IP:192.168.1.202); reissue with --renew apiserver\n"), r.out());
    }

    @Test
    void rsaKeysOnRequestAndBadKeyOrRenewFlagsAreBadInput() throws IOException {
        Cli r = cluster("--key-algo", "rsa", "--key-size", "4096");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().endsWith("(rsa-4096 keys; private keys mode 0600)\n"), r.out());
        assertTrue(Files.readString(dir.resolve("admin-key.pem")).startsWith("-----BEGIN RSA PRIVATE KEY-----\n"));
        assertTrue(openssl("x509", "-in", dir.resolve("apiserver.pem").toString(), "-noout", "-text").contains("Public-Key: (4096 bit)"));

        Cli size = cluster("--key-size", "1024");
        assertEquals(2, size.exitCode());
        assertEquals("metalboot: --key-size 1024 is not a size for ecdsa keys (expected 256, 384 or 521)\n", size.err());
        Cli name = cluster("--renew", "kubelet-node00");
        assertEquals(2, name.exitCode());
        assertEquals("metalboot: --renew 'kubelet-node00' is not a certificate of this cluster (valid: " + String.join(", ", BUNDLES)
                + ", service-account)\n", name.err());
    }
}
