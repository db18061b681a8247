package io.metalboot.tftp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.metalboot.router.RequiredTool;
import io.metalboot.tftp.TransferEvent.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Real TFTP clients (curl, tftp-hpa, atftp) fetch the iPXE binaries byte for byte. */
class RealClientsTest {
    @TempDir
    static Path dir;
    static Path root;
    static TestServer server;

    @BeforeAll
    static void start() throws IOException {
        root = Files.createDirectories(dir.resolve("tftpboot"));
        TestFiles.ipxe(root);
        server = new TestServer(root);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** One way to run a client: {@code {port}}, {@code {file}} and {@code {out}} are filled in. */
    record Client(String name, String tool, String debianPackage, List<String> args) {
        @Override
        public String toString() {
            return name;
        }

        RequiredTool.Run fetch(int port, String file, Path out) {
            RequiredTool tool = RequiredTool.find(tool(), debianPackage);
            List<String> filled = new ArrayList<>();
            for (String a : args) {
                filled.add(a.replace("{port}", Integer.toString(port)).replace("{file}", file)
                        .replace("{out}", out.toString()));
            }
            return tool.run(filled.toArray(String[]::new));
        }
    }

    static final Client CURL = new Client("curl", "curl", "curl",
            List.of("-sS", "--max-time", "25", "-o", "{out}", "tftp://127.0.0.1:{port}/{file}"));
    static final Client CURL_1468 = new Client("curl --tftp-blksize 1468", "curl", "curl",
            List.of("-sS", "--max-time", "25", "--tftp-blksize", "1468", "-o", "{out}", "tftp://127.0.0.1:{port}/{file}"));
    static final Client CURL_PLAIN = new Client("curl --tftp-no-options", "curl", "curl",
            List.of("-sS", "--max-time", "25", "--tftp-no-options", "-o", "{out}", "tftp://127.0.0.1:{port}/{file}"));
    static final Client TFTP_HPA = new Client("tftp-hpa", "tftp", "tftp-hpa",
            List.of("-m", "binary", "127.0.0.1", "{port}", "-c", "get", "{file}", "{out}"));
    static final Client ATFTP = new Client("atftp", "atftp", "atftp",
            List.of("-g", "-r", "{file}", "-l", "{out}", "127.0.0.1", "{port}"));
    static final Client ATFTP_OPTIONS = new Client("atftp blksize 1468 tsize", "atftp", "atftp",
            List.of("--option", "blksize 1468", "--option", "tsize 0", "-g", "-r", "{file}", "-l", "{out}", "127.0.0.1", "{port}"));
    static final Client ATFTP_WINDOW = new Client("atftp windowsize 16 blksize 1468", "atftp", "atftp",
            List.of("--option", "windowsize 16", "--option", "blksize 1468", "-g", "-r", "{file}", "-l", "{out}",
                    "127.0.0.1", "{port}"));

    record Fetch(Client client, String file) {
        @Override
        public String toString() {
            return client + " " + file;
        }
    }

    static Stream<Fetch> fetches() {
        return Stream.of(CURL, CURL_1468, CURL_PLAIN, TFTP_HPA, ATFTP, ATFTP_OPTIONS, ATFTP_WINDOW)
                .flatMap(c -> Stream.of(new Fetch(c, "undionly.kpxe"), new Fetch(c, "ipxe.efi")));
    }

    @ParameterizedTest
    @MethodSource("fetches")
    void fetchesByteIdentical(Fetch f) throws IOException {
        Path out = dir.resolve("out-" + f.client().name().replaceAll("[^a-z0-9]+", "-") + "-" + f.file());
        RequiredTool.Run run = f.client().fetch(server.port(), f.file(), out);
        assertEquals(0, run.exitCode(), run.output());
        assertEquals(TestFiles.sha256(root.resolve(f.file())), TestFiles.sha256(out), f + " sha256");
        TransferEvent event = server.nextEvent();
        assertEquals(Outcome.SENT, event.outcome(), event.toString());
        assertEquals(Files.size(root.resolve(f.file())), event.bytes());
    }

    static Stream<Client> plainClients() {
        return Stream.of(CURL, TFTP_HPA, ATFTP);
    }

    @ParameterizedTest
    @MethodSource("plainClients")
    void moreThan65535BlocksOf512BytesRollOver(Client client) throws IOException {
        Path big = root.resolve("rollover.bin");
        if (!Files.exists(big)) {
            TestFiles.generate(root, "rollover.bin", 65536L * 512 + 1000);
        }
        Path out = dir.resolve("rollover-" + client.tool());
        RequiredTool.Run run = client.fetch(server.port(), "rollover.bin", out);
        assertEquals(0, run.exitCode(), run.output());
        assertEquals(TestFiles.sha256(big), TestFiles.sha256(out), client + " sha256");
        assertEquals(Outcome.SENT, server.nextEvent().outcome());
        Files.delete(out);
    }

    @Test
    void tftpHpaInAsciiModeGetsTheTextBack() throws IOException {
        Files.writeString(root.resolve("boot.ipxe"), "#!ipxe\nchain http://192.168.1.250:8080/boot.ipxe\n");
        Path out = dir.resolve("boot.ipxe.out");
        RequiredTool.Run run = RequiredTool.find("tftp", "tftp-hpa").run("-m", "netascii", "127.0.0.1",
                Integer.toString(server.port()), "-c", "get", "boot.ipxe", out.toString());
        assertEquals(0, run.exitCode(), run.output());
        assertEquals(Files.readString(root.resolve("boot.ipxe")), Files.readString(out));
        assertEquals(Outcome.SENT, server.nextEvent().outcome());
    }

    @Test
    void curlReportsAnUnknownFile() {
        RequiredTool.Run run = RequiredTool.find("curl", "curl").run("-sS", "--max-time", "25", "-o", "/dev/null",
                "tftp://127.0.0.1:" + server.port() + "/pxelinux.0");
        assertEquals(68, run.exitCode(), run.output()); // curl's "TFTP: File Not Found"
        assertEquals(Outcome.REFUSED, server.nextEvent().outcome());
    }

    @Test
    void atftpReportsATraversalAttempt() {
        RequiredTool.Run run = RequiredTool.find("atftp", "atftp").run("-g", "-r", "../../etc/passwd", "-l", "/dev/null",
                "127.0.0.1", Integer.toString(server.port()));
        assertEquals("tftp: error received from server <access violation: .. in file name ../../etc/passwd>\n"
                + "tftp: aborting\n", run.output());
        assertEquals(Outcome.REFUSED, server.nextEvent().outcome());
    }
}
