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
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The seed's cfssl steps run through metalboot, checked with the real openssl (and the real cfssl). */
class SeedCommandsTest {
    @TempDir
    static Path dir;
    static RequiredTool openssl;

    @BeforeAll
    static void seedSteps() throws IOException {
        openssl = RequiredTool.find("openssl", "openssl");
        PkiSeed.seedSteps(dir);
    }

    String openssl(String... args) {
        RequiredTool.Run r = openssl.run(args);
        assertEquals(0, r.exitCode(), "openssl " + String.join(" ", args) + ":\n" + r.output());
        return r.output();
    }

    String text(String name) {
        return openssl("x509", "-in", dir.resolve(name + ".pem").toString(), "-noout", "-text");
    }

    @Test
    void opensslVerifiesEveryCertificateAgainstTheCa() {
        String out = openssl("verify", "-CAfile", dir.resolve("ca.pem").toString(), dir.resolve("apiserver.pem").toString(),
                dir.resolve("worker.pem").toString(), dir.resolve("admin.pem").toString());
        assertEquals(dir.resolve("apiserver.pem") + ": OK\n" + dir.resolve("worker.pem") + ": OK\n" + dir.resolve("admin.pem") + ": OK\n", out);
    }

    @Test
    void theFilesAreWhatCfssljsonBareWrites() throws IOException {
        for (String name : List.of("ca", "apiserver", "worker", "admin")) {
            assertTrue(Files.readString(dir.resolve(name + ".pem")).startsWith("-----BEGIN CERTIFICATE-----\n"), name);
            assertTrue(Files.readString(dir.resolve(name + ".csr")).startsWith("-----BEGIN CERTIFICATE REQUEST-----\n"), name);
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(name + "-key.pem"))), name);
            assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(name + ".pem"))), name);
            String pub = openssl("x509", "-in", dir.resolve(name + ".pem").toString(), "-noout", "-pubkey");
            assertEquals(pub, openssl("pkey", "-in", dir.resolve(name + "-key.pem").toString(), "-pubout"), name + ": key matches cert");
            assertEquals(pub, openssl("req", "-in", dir.resolve(name + ".csr").toString(), "-noout", "-pubkey"), name + ": CSR key");
            assertTrue(openssl("req", "-in", dir.resolve(name + ".csr").toString(), "-noout", "-verify").contains("verify OK"), name);
        }
        // the seed's keys: RSA for the CA and admin, ECDSA P-256 for the others, in the traditional PEM forms
        assertTrue(Files.readString(dir.resolve("ca-key.pem")).startsWith("-----BEGIN RSA PRIVATE KEY-----\n"));
        assertTrue(Files.readString(dir.resolve("admin-key.pem")).startsWith("-----BEGIN RSA PRIVATE KEY-----\n"));
        assertTrue(Files.readString(dir.resolve("apiserver-key.pem")).startsWith("-----BEGIN EC PRIVATE KEY-----\n"));
        assertTrue(openssl("ec", "-in", dir.resolve("apiserver-key.pem").toString(), "-noout", "-check").contains("EC Key valid."));
    }

    @Test
    void theCaIsATenYearCaWithCertSignAndCrlSign() {
        String ca = text("ca");
        assertTrue(ca.contains("X509v3 Key Usage: critical\n                Certificate Sign, CRL Sign\n"), ca);
        assertTrue(ca.contains("X509v3 Basic Constraints: critical\n                CA:TRUE\n"), ca);
        assertTrue(ca.contains("Subject: C = US, ST = California, L = San Francisco, O = k8s-bare-metal, OU = CA, CN = Kubernetes CA\n"), ca);
        CertificateInfo info = CertificateInfo.read(dir.resolve("ca.pem"));
        assertEquals(Duration.ofHours(87600), Duration.between(info.certificate().getNotBefore().toInstant(), info.notAfter()));
    }

    @ParameterizedTest
    @CsvSource({"apiserver, TLS Web Server Authentication", "worker, TLS Web Client Authentication", "admin, TLS Web Client Authentication"})
    void keyUsagesAndExtendedKeyUsagesFollowTheProfile(String name, String eku) {
        String t = text(name);
        assertTrue(t.contains("X509v3 Key Usage: critical\n                Digital Signature, Key Encipherment\n"), t);
        assertTrue(t.contains("X509v3 Extended Key Usage: \n                " + eku + "\n"), t);
        assertTrue(t.contains("X509v3 Basic Constraints: critical\n                CA:FALSE\n"), t);
        assertTrue(t.contains("X509v3 Authority Key Identifier:"), t);
        assertTrue(t.contains("Issuer: C = US, ST = California, L = San Francisco, O = k8s-bare-metal, OU = CA, CN = Kubernetes CA\n"), t);
    }

    @Test
    void theAdminIsInSystemMasters() {
        assertEquals("subject=C = US, ST = California, L = San Francisco, O = system:masters, OU = Cluster admins, CN = admin\n",
                openssl("x509", "-in", dir.resolve("admin.pem").toString(), "-noout", "-subject"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"kubernetes", "kubernetes.default", "kubernetes.default.svc", "kubernetes.default.svc.cluster.local", "kube-master"})
    void everyDnsSanOfTheApiServerPassesCheckhost(String host) {
        assertEquals("Hostname " + host + " does match certificate\n",
                openssl("x509", "-in", dir.resolve("apiserver.pem").toString(), "-noout", "-checkhost", host));
    }

    @ParameterizedTest
    @CsvSource({"apiserver, 10.3.0.1", "apiserver, 192.168.1.201", "apiserver, 127.0.0.1", "worker, 192.168.1.211", "worker, 192.168.1.212"})
    void everyIpSanPassesCheckip(String name, String ip) {
        assertEquals("IP " + ip + " does match certificate\n",
                openssl("x509", "-in", dir.resolve(name + ".pem").toString(), "-noout", "-checkip", ip));
    }

    @Test
    void namesAndAddressesNotInTheCsrDoNotMatch() {
        assertEquals("Hostname evil.example does NOT match certificate\n",
                openssl("x509", "-in", dir.resolve("apiserver.pem").toString(), "-noout", "-checkhost", "evil.example"));
        assertEquals("IP 10.3.0.2 does NOT match certificate\n",
                openssl("x509", "-in", dir.resolve("apiserver.pem").toString(), "-noout", "-checkip", "10.3.0.2"));
    }

    @Test
    void theCaIsNotReplacedWithoutForce() throws IOException {
        byte[] before = Files.readAllBytes(dir.resolve("ca-key.pem"));
        Cli r = Cli.run("pki", "gencert", "-initca", dir + "/ca-csr.json", "-bare", dir + "/ca");
        assertEquals(2, r.exitCode());
        assertEquals("metalboot: not replacing the CA: " + dir + "/ca.pem, " + dir + "/ca-key.pem, " + dir + "/ca.csr already"
                + " exist(s); every certificate it signed would stop verifying. Use another -bare NAME, or --force to replace it\n", r.err());
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(dir.resolve("ca-key.pem"))));
    }

    @Test
    void signingNeedsTheCaPairAndTheKeyMustBelongToTheCertificate(@TempDir Path other) throws IOException {
        Cli r = Cli.run("pki", "gencert", dir + "/admin-csr.json");
        assertEquals(2, r.exitCode());
        assertEquals("metalboot: gencert needs -ca and -ca-key to sign (or -initca to make a new CA)\n", r.err());
        Cli.ok("pki", "gencert", "-initca", dir + "/ca-csr.json", "-bare", other + "/ca");
        r = Cli.run("pki", "gencert", "-ca", dir + "/ca.pem", "-ca-key", other + "/ca-key.pem", dir + "/admin-csr.json");
        assertEquals(2, r.exitCode());
        assertEquals("metalboot: " + other + "/ca-key.pem: this key does not belong to " + dir + "/ca.pem (a test signature"
                + " does not verify with the certificate's public key); pass the matching pair\n", r.err());
        assertFalse(r.err().contains("PRIVATE KEY"));
        r = Cli.run("pki", "gencert", "-ca", dir + "/admin.pem", "-ca-key", dir + "/admin-key.pem", dir + "/admin-csr.json");
        assertEquals("metalboot: " + dir + "/admin.pem: not a CA certificate (no basic constraints CA:TRUE); pass the CA's own"
                + " certificate, e.g. ca.pem from gencert -initca\n", r.err());
    }
}
