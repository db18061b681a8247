package io.metalboot.assets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signatures made by the real gpg, the way Flatcar's build signs: a certify-only primary key and a
 * signing subkey, {@code gpg --detach-sign} (binary) and {@code --armor}. Skipped without gpg
 * (fails under CI=true).
 */
class GpgInteropTest {
    @TempDir
    Path home;
    private Path gnupg;
    private String fingerprint;

    @BeforeEach
    void key() throws IOException {
        if (!onPath("gpg")) {
            String reason = "gpg is not installed (apt-get install gnupg)";
            if ("true".equals(System.getenv("CI"))) {
                fail("CI=true and " + reason);
            }
            System.out.println("SKIPPED: " + reason);
            Assumptions.abort(reason);
        }
        gnupg = Files.createDirectories(home.resolve("g"));
        gpg("--quick-gen-key", "Gpg Buildbot <gpg@example.org>", "ed25519", "cert", "never");
        fingerprint = gpg("--with-colons", "--list-keys").lines().filter(l -> l.startsWith("fpr:")).findFirst().orElseThrow()
                .split(":")[9];
        gpg("--quick-add-key", fingerprint, "ed25519", "sign", "1y");
    }

    @AfterEach
    void agent() throws IOException {
        if (gnupg != null && onPath("gpgconf")) {
            run(List.of("gpgconf", "--homedir", gnupg.toString(), "--kill", "all")); // only this test's own agent
        }
    }

    @Test
    void gpgSubkeySignaturesVerifyAndATamperedFileDoesNot() throws IOException {
        byte[] data = new byte[500_000];
        new Random(3).nextBytes(data);
        Path file = Files.write(home.resolve("flatcar_production_pxe.vmlinuz"), data);
        gpg("--detach-sign", "--output", file + ".sig", file.toString());
        gpg("--armor", "--detach-sign", "--output", file + ".asc", file.toString());
        Path key = home.resolve("key.asc");
        Files.writeString(key, gpg("--armor", "--export", fingerprint), StandardCharsets.UTF_8);
        String subkey = gpg("--with-colons", "--list-keys", fingerprint).lines().filter(l -> l.startsWith("sub:")).findFirst()
                .orElseThrow().split(":")[4];

        SignatureCheck check = new SignatureCheck(Keyring.read(key));
        assertEquals(subkey, check.verify(file, Path.of(file + ".sig"), Instant.now()).keyId());
        assertEquals("subkey " + subkey + " of " + fingerprint + " (Gpg Buildbot <gpg@example.org>)",
                check.verify(file, Path.of(file + ".asc"), Instant.now()).signer());

        data[250_000] ^= 0x20;
        Files.write(file, data);
        BadSignatureException e = assertThrows(BadSignatureException.class, () -> check.verify(file, Path.of(file + ".sig"), Instant.now()));
        assertEquals(BadSignatureException.Kind.MISMATCH, e.kind());
    }

    private String gpg(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("gpg", "--homedir", gnupg.toString(), "--batch", "--pinentry-mode", "loopback",
                "--passphrase", "", "--no-tty"));
        command.addAll(List.of(args));
        return run(command);
    }

    private static String run(List<String> command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", command) + " failed: " + err);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
