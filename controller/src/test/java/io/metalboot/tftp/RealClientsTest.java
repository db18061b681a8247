package io.metalboot.tftp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.metalboot.router.RequiredTool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Real TFTP clients fetch Debian's iPXE binaries byte for byte, with and without options. */
class RealClientsTest {
    @TempDir
    static Path dir;
    static TftpServer server;
    static final List<String> FILES = List.of("undionly.kpxe", "ipxe.efi");

    @BeforeAll
    static void start() throws Exception {
        Path root = Files.createDirectories(dir.resolve("tftpboot"));
        for (String name : FILES) {
            Path ipxe = Path.of("/usr/lib/ipxe", name);
            if (!Files.exists(ipxe)) {
                RequiredTool.find("missing-" + ipxe, "ipxe");
            }
            Files.copy(ipxe, root.resolve(name));
        }
        server = TftpServer.start(TftpConfig.of(root, "127.0.0.1", 0), (c, f, b, o) -> { });
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    record Client(String tool, String debianPackage, List<String> args) {
        List<String> command(String file, Path out, int port) {
            return args.stream().map(a -> a.replace("FILE", file).replace("OUT", out.toString()).replace("PORT", Integer.toString(port))).toList();
        }
    }

    static Stream<Client> clients() {
        return Stream.of(
                new Client("curl", "curl", List.of("-sSf", "-o", "OUT", "tftp://127.0.0.1:PORT/FILE")),
                new Client("curl", "curl", List.of("-sSf", "--tftp-blksize", "1468", "-o", "OUT", "tftp://127.0.0.1:PORT/FILE")),
                new Client("curl", "curl", List.of("-sSf", "--tftp-no-options", "-o", "OUT", "tftp://127.0.0.1:PORT/FILE")),
                new Client("tftp", "tftp-hpa", List.of("-m", "binary", "127.0.0.1", "PORT", "-c", "get", "FILE", "OUT")),
                new Client("atftp", "atftp", List.of("--get", "-r", "FILE", "-l", "OUT", "127.0.0.1", "PORT")),
                new Client("atftp", "atftp", List.of("--option", "blksize 1428", "--option", "tsize 0", "--get", "-r", "FILE", "-l", "OUT",
                        "127.0.0.1", "PORT")),
                new Client("atftp", "atftp", List.of("--option", "windowsize 16", "--option", "blksize 1428", "--get", "-r", "FILE",
                        "-l", "OUT", "127.0.0.1", "PORT")));
    }

    @ParameterizedTest
    @MethodSource("clients")
    void fetchesByteForByte(Client c) throws Exception {
        RequiredTool tool = RequiredTool.find(c.tool(), c.debianPackage());
        for (String file : FILES) {
            Path out = dir.resolve("out-" + System.nanoTime());
            RequiredTool.Run run = tool.run(c.command(file, out, server.port()).toArray(String[]::new));
            assertEquals(0, run.exitCode(), c + ": " + run.output());
            assertEquals(sha256(dir.resolve("tftpboot").resolve(file)), sha256(out), c + " " + file);
        }
    }

    static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
