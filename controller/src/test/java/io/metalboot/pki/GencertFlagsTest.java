package io.metalboot.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metalboot.cli.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** gencert's flags beyond the seed's four commands, and the messages for wrong combinations. */
class GencertFlagsTest {
    @TempDir
    Path dir;

    @Test
    void hostnameReplacesTheCsrsHostsAsInCfssl() throws IOException {
        PkiSeed.seedSteps(dir);
        Cli.ok("pki", "gencert", "-ca", dir + "/ca.pem", "-ca-key", dir + "/ca-key.pem", "-config", dir + "/ca-config.json",
                "-profile", "client-server", "-hostname", "etcd-a,127.0.0.1,::1", dir + "/worker-csr.json", "-bare", dir + "/etcd-a");
        assertEquals(List.of("DNS:etcd-a", "IP:127.0.0.1", "IP:0:0:0:0:0:0:0:1"), CertificateInfo.read(dir.resolve("etcd-a.pem")).subjectAltNames());
    }

    @Test
    void forceReplacesTheCa() throws IOException {
        PkiSeed.seedSteps(dir);
        byte[] before = Files.readAllBytes(dir.resolve("ca-key.pem"));
        Cli r = Cli.ok("pki", "gencert", "-initca", dir + "/ca-csr.json", "-bare", dir + "/ca", "--force");
        assertEquals("wrote " + dir + "/ca.pem, " + dir + "/ca-key.pem (mode 0600), " + dir + "/ca.csr\n", r.out());
        assertFalse(Arrays.equals(before, Files.readAllBytes(dir.resolve("ca-key.pem"))));
    }

    @Test
    void wrongCombinationsAreBadInput() throws IOException {
        PkiSeed.seedSteps(dir);
        String d = dir + "/";
        Cli r = Cli.run("pki", "gencert", "-initca", "-ca", d + "ca.pem", d + "ca-csr.json");
        assertEquals(2, r.exitCode());
        assertEquals("metalboot: -initca makes a new self-signed CA; drop -ca, -ca-key, -config and -profile\n", r.err());
        r = Cli.run("pki", "gencert", "-ca", d + "ca.pem", "-ca-key", d + "ca-key.pem", "-profile", "server", d + "apiserver-csr.json");
        assertEquals("metalboot: -profile server needs -config FILE, the ca-config.json that defines it\n", r.err());
        r = Cli.run("pki", "gencert", "-ca", d + "ca.pem", "-ca-key", d + "ca-key.pem", d + "admin-csr.json", "-bare", d + "ca");
        assertEquals("metalboot: -bare " + d + "ca would overwrite the CA's own " + d + "ca.pem; choose another NAME\n", r.err());
        r = Cli.run("pki", "gencert", "-ca", d + "ca.pem", "-ca-key", d + "ca-key.pem", "-config", d + "ca-config.json",
                "-profile", "peer", d + "admin-csr.json");
        assertEquals(2, r.exitCode());
        assertEquals("metalboot: -profile 'peer' is not in " + d + "ca-config.json's signing.profiles (profiles there: client,"
                + " client-server, server); cfssl would silently sign with signing.default instead\n", r.err());
        r = Cli.run("pki", "gencert", "-initca", d + "missing.json");
        assertEquals("metalboot: " + d + "missing.json: no such file\n", r.err());
    }

    @Test
    void withoutBareItPrintsCfsslsJson() throws IOException {
        PkiSeed.seedSteps(dir);
        Cli r = Cli.ok("pki", "gencert", "-ca", dir + "/ca.pem", "-ca-key", dir + "/ca-key.pem", dir + "/admin-csr.json");
        assertTrue(r.out().startsWith("{\"cert\":\"-----BEGIN CERTIFICATE-----\\n"), "cert first");
        assertTrue(r.out().contains("\",\"csr\":\"-----BEGIN CERTIFICATE REQUEST-----\\n"), "csr second");
        assertTrue(r.out().contains("\",\"key\":\"-----BEGIN RSA PRIVATE KEY-----\\n"), "key present");
    }
}
