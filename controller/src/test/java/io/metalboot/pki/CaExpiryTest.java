package io.metalboot.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metalboot.cli.Cli;
import io.metalboot.router.RequiredTool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A CA past its expiry signs nothing; a certificate does not outlive its CA unless asked; names hold no control characters. */
class CaExpiryTest {
    @TempDir
    Path dir;

    /** A CA made {@code age} ago that lives {@code life}, written as {@code dir/NAME.pem} and {@code NAME-key.pem}. */
    CertificateAuthority ca(String name, Duration age, Duration life) {
        CertificateRequest seed = CsrJson.read(PkiSeed.SEED.resolve("ca-csr.json"));
        CertificateRequest req = new CertificateRequest(seed.subject(), seed.hosts(), KeySpec.DEFAULT,
                Optional.of(new CertificateRequest.CaOptions(life, Optional.empty())));
        Issued issued = new Issuer(Clock.fixed(Instant.now().minus(age), ZoneOffset.UTC)).initCa(req);
        BundleFiles.bare(dir.resolve(name)).write(issued);
        return new CertificateAuthority(issued.certificate(), issued.keyPair().getPrivate());
    }

    @Test
    void gencertWithAnExpiredCaExitsOneNamingTheExpiryAndTheFix() throws IOException {
        CertificateAuthority expired = ca("ca", Duration.ofDays(3), Duration.ofDays(1));
        Files.copy(PkiSeed.SEED.resolve("ca-config.json"), dir.resolve("ca-config.json"));
        Files.copy(PkiSeed.SEED.resolve("admin-csr.json"), dir.resolve("admin-csr.json"));
        String d = dir + "/";
        Cli r = Cli.run("pki", "gencert", "-ca=" + d + "ca.pem", "-ca-key=" + d + "ca-key.pem", "-config=" + d + "ca-config.json",
                "-profile=client", d + "admin-csr.json", "-bare", d + "admin");
        assertEquals(1, r.exitCode(), r.err());
        assertEquals("metalboot: the CA " + expired.certificate().getSubject() + " expired on " + expired.notAfter() + "; whatever it"
                + " signs, clients reject (openssl verify: certificate has expired). Make a new CA: metalboot pki cluster --renew ca"
                + " --force (every certificate is then reissued), or gencert -initca for one made by hand\n", r.err());
        assertTrue(Files.notExists(dir.resolve("admin.pem")), "nothing issued");
    }

    @Test
    void pkiClusterWithAnExpiredCaExitsOneAndRenewingTheCaWorks() {
        CertificateAuthority expired = ca("ca", Duration.ofDays(3), Duration.ofDays(1));
        String inventory = "../examples/home-lab/cluster.yaml";
        Cli r = Cli.run("pki", "cluster", "-c", inventory, "--out", dir.toString());
        assertEquals(1, r.exitCode(), r.out() + r.err());
        assertTrue(r.err().startsWith("metalboot: the CA " + expired.certificate().getSubject() + " expired on " + expired.notAfter()),
                r.err());
        Cli.ok("pki", "cluster", "-c", inventory, "--out", dir.toString(), "--renew", "ca", "--force");
        RequiredTool openssl = RequiredTool.find("openssl", "openssl");
        RequiredTool.Run verify = openssl.run("verify", "-CAfile", dir.resolve("ca.pem").toString(), dir.resolve("admin.pem").toString());
        assertEquals(0, verify.exitCode(), verify.output());
    }

    @Test
    void aCertificateThatWouldOutliveItsCaIsSignedOnlyWhenAsked() throws IOException {
        CertificateAuthority young = ca("ca", Duration.ZERO, Duration.ofDays(30));
        Files.copy(PkiSeed.SEED.resolve("ca-config.json"), dir.resolve("ca-config.json"));
        Files.copy(PkiSeed.SEED.resolve("admin-csr.json"), dir.resolve("admin-csr.json"));
        String d = dir + "/";
        String[] sign = {"pki", "gencert", "-ca=" + d + "ca.pem", "-ca-key=" + d + "ca-key.pem", "-config=" + d + "ca-config.json",
                "-profile=client", d + "admin-csr.json", "-bare", d + "admin"};
        Cli r = Cli.run(sign);
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.err().contains(" would outlive its CA " + young.certificate().getSubject() + ", which expires on "
                + young.notAfter() + "; clients stop accepting it then. Renew the CA first (metalboot pki cluster --renew ca"
                + " --force), shorten the profile's expiry, or pass --allow-outliving-ca to sign it anyway\n"), r.err());
        String[] asked = Stream.concat(Stream.of(sign), Stream.of("--allow-outliving-ca")).toArray(String[]::new);
        Cli.ok(asked);
    }

    record BadName(String name, String csr, String message) {
    }

    static Stream<BadName> badNames() {
        String key = ", \"key\": {\"algo\": \"ecdsa\", \"size\": 256}";
        return Stream.of(
                new BadName("newline in CN", "{\"CN\": \"node\\nCN=admin\"" + key + "}",
                        "CN 'node?CN=admin' holds a control character (newline, NUL, …), which a certificate name may not; remove it"),
                new BadName("NUL in CN", "{\"CN\": \"good\\u0000.evil\"" + key + "}",
                        "CN 'good?.evil' holds a control character (newline, NUL, …), which a certificate name may not; remove it"),
                new BadName("newline in a host", "{\"CN\": \"n\", \"hosts\": [\"a.example\\nb.example\"]" + key + "}",
                        "hosts[0] 'a.example?b.example' holds a control character (newline, NUL, …), which a certificate name may not;"
                                + " remove it"),
                new BadName("NUL in O", "{\"CN\": \"n\", \"names\": [{\"O\": \"system:masters\\u0000\"}]" + key + "}",
                        "names[] 'system:masters?' holds a control character (newline, NUL, …), which a certificate name may not;"
                                + " remove it"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badNames")
    void aNameWithAControlCharacterIsRefused(BadName b) throws IOException {
        Path csr = Files.writeString(dir.resolve("csr.json"), b.csr());
        Cli r = Cli.run("pki", "gencert", "-initca", csr.toString(), "-bare", dir.resolve("x").toString());
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains(b.message()), r.err());
    }
}
