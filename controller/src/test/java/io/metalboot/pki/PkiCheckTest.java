package io.metalboot.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metalboot.cli.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pki check}: one line per certificate, warnings under 30 days and for certificates the CA did not sign. */
class PkiCheckTest {
    @TempDir
    Path dir;

    static String expiry(Path cert) {
        return CertificateInfo.read(cert).notAfter().atOffset(ZoneOffset.UTC).toLocalDate().toString();
    }

    @Test
    void listsSubjectSansAndExpiry() {
        Cli.ok("pki", "cluster", "-c", "../examples/home-lab/cluster.yaml", "--out", dir.toString());
        Cli r = Cli.run("pki", "check", "--dir", dir.toString());
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().startsWith("admin.pem  O=system:masters,CN=admin  no SANs  expires " + expiry(dir.resolve("admin.pem"))
                + " (364 days)\napiserver-kubelet-client.pem  O=system:masters,CN=kube-apiserver-kubelet-client  no SANs  expires "
                + expiry(dir.resolve("apiserver-kubelet-client.pem")) + " (364 days)\napiserver.pem  CN=kube-apiserver  DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc,"
                + "DNS:kubernetes.default.svc.cluster.local,DNS:kube-master,IP:10.3.0.1,IP:192.168.1.201  expires "
                + expiry(dir.resolve("apiserver.pem")) + " (364 days)\nca.pem  O=metalboot,CN=home-lab CA  no SANs  expires "
                + expiry(dir.resolve("ca.pem")) + " (3649 days)  CA\n"), r.out());
        assertEquals(19, r.out().lines().count(), r.out());
    }

    @Test
    void warnsUnderThirtyDaysAndAboutCertificatesOfAnotherCa(@TempDir Path other) throws IOException {
        PkiSeed.seedSteps(dir);
        Files.writeString(dir.resolve("short-config.json"),
                "{\"signing\": {\"profiles\": {\"short\": {\"expiry\": \"240h\", \"usages\": [\"signing\", \"client auth\"]}}}}");
        Cli.ok("pki", "gencert", "-ca", dir + "/ca.pem", "-ca-key", dir + "/ca-key.pem", "-config", dir + "/short-config.json",
                "-profile", "short", dir + "/admin-csr.json", "-bare", dir + "/short");
        Cli.ok("pki", "gencert", "-initca", dir + "/ca-csr.json", "-bare", other + "/ca");
        Cli.ok("pki", "gencert", "-ca", other + "/ca.pem", "-ca-key", other + "/ca-key.pem", dir + "/admin-csr.json",
                "-bare", dir + "/foreign");
        Cli r = Cli.run("pki", "check", "--dir", dir.toString());
        assertEquals(1, r.exitCode());
        String notAfter = CertificateInfo.read(dir.resolve("short.pem")).notAfter().toString();
        assertTrue(r.out().endsWith("WARNING: foreign.pem was not signed by ca.pem\n"
                + "WARNING: short.pem expires in 9 days (" + notAfter + ")\n"
                + "Reissue with: metalboot pki cluster --renew NAME (files from pki cluster), or gencert again.\n"), r.out());
    }

    @Test
    void aDirectoryWithoutCertificatesIsBadInput() {
        Cli r = Cli.run("pki", "check", "--dir", dir.toString());
        assertEquals(2, r.exitCode());
        assertEquals("metalboot: " + dir + ": no certificates (*.pem holding CERTIFICATE) found; make them with metalboot pki cluster"
                + " --out " + dir + "\n", r.err());
    }
}
