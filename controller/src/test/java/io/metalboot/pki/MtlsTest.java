package io.metalboot.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metalboot.router.RequiredTool;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed's API server and admin certificates in a real mutual-TLS handshake: openssl s_server
 * requiring a client certificate, openssl s_client and curl as clients, all on 127.0.0.1.
 */
class MtlsTest {
    @TempDir
    static Path dir;
    static RequiredTool openssl;
    static RequiredTool curl;

    @BeforeAll
    static void certificates() throws IOException {
        openssl = RequiredTool.find("openssl", "openssl");
        curl = RequiredTool.find("curl", "curl");
        PkiSeed.seedSteps(dir);
    }

    /** s_server with {@code name}'s certificate, requiring and verifying a client certificate from the CA. */
    Background server(String name, int port) throws IOException {
        Background s = Background.start("s_server", dir, List.of(openssl.path().toString(), "s_server", "-accept", "127.0.0.1:" + port,
                "-cert", name + ".pem", "-key", name + "-key.pem", "-CAfile", "ca.pem", "-Verify", "1", "-verify_return_error", "-www"));
        s.awaitOutput("ACCEPT", Duration.ofSeconds(20));
        return s;
    }

    RequiredTool.Run sClient(int port, String client) {
        List<String> args = new ArrayList<>(List.of("s_client", "-connect", "127.0.0.1:" + port, "-CAfile", p("ca.pem"),
                "-verify_return_error", "-verify_hostname", "kubernetes", "-brief"));
        args.addAll(List.of("-cert", p(client + ".pem"), "-key", p(client + "-key.pem")));
        return openssl.run(args.toArray(String[]::new));
    }

    RequiredTool.Run curl(int port, String client) {
        List<String> args = new ArrayList<>(List.of("-sS", "--max-time", "20", "--cacert", p("ca.pem"),
                "--resolve", "kubernetes:" + port + ":127.0.0.1"));
        if (!client.isEmpty()) {
            args.addAll(List.of("--cert", p(client + ".pem"), "--key", p(client + "-key.pem")));
        }
        args.add("https://kubernetes:" + port + "/");
        return curl.run(args.toArray(String[]::new));
    }

    static String p(String file) {
        return dir.resolve(file).toString();
    }

    @Test
    void theAdminCompletesAnMtlsHandshakeWithTheApiServer() throws Exception {
        int port = Background.freePort();
        try (Background s = server("apiserver", port)) {
            RequiredTool.Run c = sClient(port, "admin");
            assertEquals(0, c.exitCode(), c.output());
            assertTrue(c.output().contains("Verification: OK\nVerified peername: kubernetes\n"), c.output());
            RequiredTool.Run web = curl(port, "admin");
            assertEquals(0, web.exitCode(), web.output() + "\nserver:\n" + s.output());
            assertTrue(web.output().contains("s_server -accept 127.0.0.1:" + port), web.output());
        }
    }

    @Test
    void theServerRefusesClientsWithoutAClientCertificate() throws Exception {
        int port = Background.freePort();
        try (Background s = server("apiserver", port)) {
            RequiredTool.Run none = curl(port, "");
            assertEquals(56, none.exitCode(), none.output());
            assertTrue(none.output().contains("alert certificate required"), none.output());
            // the API server's own certificate is server-only: refused as a client certificate
            RequiredTool.Run serverCert = curl(port, "apiserver");
            assertEquals(56, serverCert.exitCode(), serverCert.output());
            assertTrue(serverCert.output().contains("alert unsupported certificate"), serverCert.output());
            s.awaitOutput("unsuitable certificate purpose", Duration.ofSeconds(10));
        }
    }

    @Test
    void aWorkerCertificateIsRejectedWhereAServerCertificateIsRequired() throws Exception {
        int port = Background.freePort();
        try (Background s = server("worker", port)) {
            RequiredTool.Run c = sClient(port, "admin");
            assertNotEquals(0, c.exitCode(), c.output());
            assertTrue(c.output().contains("unsuitable certificate purpose"), c.output());
            RequiredTool.Run web = curl(port, "admin");
            assertEquals(60, web.exitCode(), web.output());
            assertTrue(web.output().contains("SSL certificate problem: unsuitable certificate purpose"), web.output());
        }
    }
}
