package io.metalboot.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metalboot.cli.Cli;
import io.metalboot.router.RequiredTool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** metalboot and the real cfssl (Debian golang-cfssl) read each other's files and make the same certificates. */
class CfsslCompatibilityTest {
    @TempDir
    static Path dir;
    static RequiredTool cfssl;
    static RequiredTool cfssljson;
    static RequiredTool openssl;

    @BeforeAll
    static void tools() throws IOException {
        openssl = RequiredTool.find("openssl", "openssl");
        cfssl = RequiredTool.find("cfssl", "golang-cfssl");
        cfssljson = RequiredTool.find("cfssljson", "golang-cfssl");
        PkiSeed.seedSteps(dir);
    }

    /** Runs a command in {@code dir} with {@code input} on stdin; 30 s at most. */
    static String run(String input, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        p.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(List.of(command) + " did not finish in 30 s");
        }
        assertEquals(0, p.exitValue(), List.of(command) + ":\n" + out);
        return out;
    }

    static String verify(String cert) throws IOException, InterruptedException {
        return run("", openssl.path().toString(), "verify", "-CAfile", "ca.pem", cert);
    }

    /** The extension lines of {@code openssl x509 -text}, without the key ids' values. */
    static String extensions(String cert) throws IOException, InterruptedException {
        String text = run("", openssl.path().toString(), "x509", "-in", cert, "-noout", "-text");
        String ext = text.substring(text.indexOf("X509v3 extensions:"), text.indexOf("    Signature Algorithm:", text.indexOf("X509v3 extensions:")));
        return ext.lines().filter(l -> !l.trim().matches("([0-9A-F]{2}:)+[0-9A-F]{2}")).collect(Collectors.joining("\n"));
    }

    @Test
    void cfssljsonWritesOurJsonOutputAsItWritesCfsslsOwn() throws Exception {
        Cli r = Cli.ok("pki", "gencert", "-ca=" + dir + "/ca.pem", "-ca-key=" + dir + "/ca-key.pem",
                "-config=" + dir + "/ca-config.json", "-profile=client", dir + "/admin-csr.json");
        run(r.out(), cfssljson.path().toString(), "-bare", "piped-admin");
        assertEquals("piped-admin.pem: OK\n", verify("piped-admin.pem"));
    }

    @Test
    void cfsslSignsWithOurCaAndTheResultHasTheSameExtensionsAsOurs() throws Exception {
        String json = run("", cfssl.path().toString(), "gencert", "-ca=ca.pem", "-ca-key=ca-key.pem", "-config=ca-config.json",
                "-profile=server", "apiserver-csr.json").lines().filter(l -> l.startsWith("{")).findFirst().orElseThrow();
        run(json, cfssljson.path().toString(), "-bare", "cfssl-apiserver");
        assertEquals("cfssl-apiserver.pem: OK\n", verify("cfssl-apiserver.pem"));
        assertEquals(extensions("cfssl-apiserver.pem"), extensions("apiserver.pem"));
        assertTrue(extensions("apiserver.pem").contains("DNS:kubernetes, DNS:kubernetes.default"), extensions("apiserver.pem"));
    }

    @Test
    void weSignWithACaCfsslMade() throws Exception {
        String json = run("", cfssl.path().toString(), "gencert", "-initca", "ca-csr.json").lines()
                .filter(l -> l.startsWith("{")).findFirst().orElseThrow();
        run(json, cfssljson.path().toString(), "-bare", "cfssl-ca");
        Cli.ok("pki", "gencert", "-ca", dir + "/cfssl-ca.pem", "-ca-key", dir + "/cfssl-ca-key.pem", "-config",
                dir + "/ca-config.json", "-profile", "client-server", dir + "/worker-csr.json", "-bare", dir + "/by-cfssl-ca");
        assertEquals("by-cfssl-ca.pem: OK\n", run("", openssl.path().toString(), "verify", "-CAfile", "cfssl-ca.pem", "by-cfssl-ca.pem"));
        assertEquals(extensions("cfssl-ca.pem"), extensions("ca.pem"));
    }
}
