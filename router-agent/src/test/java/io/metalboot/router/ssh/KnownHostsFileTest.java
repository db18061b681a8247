package io.metalboot.router.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class KnownHostsFileTest {
    @TempDir
    Path dir;

    record Match(String field, String name, boolean matches) {
    }

    static String hashed(String name) throws Exception {
        byte[] salt = "0123456789abcdefghij".getBytes(StandardCharsets.US_ASCII);
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(salt, "HmacSHA1"));
        Base64.Encoder b64 = Base64.getEncoder();
        return "|1|" + b64.encodeToString(salt) + "|" + b64.encodeToString(mac.doFinal(name.getBytes(StandardCharsets.UTF_8)));
    }

    static Stream<Match> matches() throws Exception {
        return Stream.of(
                new Match("router.lan", "router.lan", true),
                new Match("Router.LAN", "router.lan", true),
                new Match("router.lan", "[router.lan]:2222", false),
                new Match("[router.lan]:2222", "[router.lan]:2222", true),
                new Match("nas,router.lan,192.168.1.1", "192.168.1.1", true),
                new Match("192.168.1.*", "192.168.1.1", true),
                new Match("192.168.1.?", "192.168.1.10", false),
                new Match("192.168.1.*,!192.168.1.1", "192.168.1.1", false),
                new Match(hashed("[127.0.0.1]:2222"), "[127.0.0.1]:2222", true),
                new Match(hashed("[127.0.0.1]:2222"), "[127.0.0.1]:2223", false),
                new Match("|1|notbase64|x", "router.lan", false));
    }

    @ParameterizedTest
    @MethodSource("matches")
    void matchesHostFieldsAsOpenSshDoes(Match c) {
        assertEquals(c.matches(), KnownHostsFile.matches(c.field(), c.name()));
    }

    static PublicKeyBlob key(String type, int seed) {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        byte[] blob = new byte[4 + name.length + 8];
        blob[3] = (byte) name.length;
        System.arraycopy(name, 0, blob, 4, name.length);
        blob[blob.length - 1] = (byte) seed;
        return new PublicKeyBlob(blob);
    }

    @Test
    void checksKnownUnknownAndChangedKeysWithTheLineToFix() throws Exception {
        PublicKeyBlob ed = key("ssh-ed25519", 1);
        Files.writeString(dir.resolve("known_hosts"), "# comment\n\n@cert-authority * ssh-ed25519 " + key("ssh-ed25519", 9).base64()
                + "\nrouter.lan ssh-ed25519 " + ed.base64() + "\n");
        KnownHostsFile file = new KnownHostsFile(dir.resolve("known_hosts"));
        assertEquals(new KnownHostsFile.Verdict.Known(new KnownHostsFile.Entry(4, ed)), file.check("router.lan", ed));
        assertEquals(new KnownHostsFile.Verdict.Changed(new KnownHostsFile.Entry(4, ed)),
                file.check("router.lan", key("ssh-ed25519", 2)));
        assertEquals(new KnownHostsFile.Verdict.Unknown(), file.check("router.lan", key("ecdsa-sha2-nistp256", 1)),
                "another key type is not a change");
        assertEquals(new KnownHostsFile.Verdict.Unknown(), file.check("nas.lan", ed));
    }

    @Test
    void appendsOnANewLineCreatingTheFileIfNeeded() throws Exception {
        Path f = dir.resolve("new/.ssh/known_hosts");
        KnownHostsFile file = new KnownHostsFile(f);
        PublicKeyBlob ed = key("ssh-ed25519", 1);
        file.append("[router.lan]:2222", ed);
        Files.writeString(f, Files.readString(f) + "other ssh-ed25519 " + ed.base64());
        file.append("router.lan", ed);
        assertEquals("[router.lan]:2222 ssh-ed25519 " + ed.base64() + "\nother ssh-ed25519 " + ed.base64()
                + "\nrouter.lan ssh-ed25519 " + ed.base64() + "\n", Files.readString(f));
    }

    @Test
    void fingerprintsAsSshKeygenDoes() {
        // ssh-keygen -lf on "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl"
        PublicKeyBlob k = PublicKeyBlob.fromBase64("AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl").orElseThrow();
        assertEquals("ssh-ed25519", k.type());
        assertEquals(EXPECTED_FINGERPRINT, k.fingerprint());
    }

    static final String EXPECTED_FINGERPRINT = "SHA256:+DiY3wvvV6TuJJhbpZisF/zLDA0zPMSvHdkr4UvCOqU";
}
