package io.metalboot.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metalboot.assets.AssetServer;
import io.metalboot.assets.TestKeys;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code metalboot assets fetch flatcar} end to end, against a mirror on 127.0.0.1: output and exit codes. */
class AssetsCommandTest {
    private static final String KERNEL = "flatcar_production_pxe.vmlinuz";
    private static final String INITRD = "flatcar_production_pxe_image.cpio.gz";
    private static TestKeys keys;
    private static byte[] kernel;
    private static byte[] initrd;

    @TempDir
    Path tmp;
    private AssetServer server;
    private Path key;
    private Path data;

    @BeforeAll
    static void release() {
        keys = TestKeys.generate("Test Buildbot <buildbot@example.org>", TestKeys.Shape.flatcarLike());
        kernel = new byte[150_000];
        initrd = new byte[250_000];
        new Random(1).nextBytes(kernel);
        new Random(2).nextBytes(initrd);
    }

    @BeforeEach
    void mirror() throws IOException {
        server = new AssetServer();
        server.put("4152.2.3/" + KERNEL, kernel);
        server.put("4152.2.3/" + KERNEL + ".sig", keys.sign(kernel));
        server.put("4152.2.3/" + INITRD, initrd);
        server.put("4152.2.3/" + INITRD + ".sig", keys.sign(initrd));
        key = keys.exportPublic(tmp.resolve("key.asc"));
        data = tmp.resolve("data");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Cli fetch(String... extra) {
        List<String> args = new ArrayList<>(List.of("assets", "fetch", "flatcar", "--channel", "stable", "--version", "4152.2.3",
                "--base-url", server.base(), "--dir", data.toString(), "--key", key.toString()));
        args.addAll(List.of(extra));
        return Cli.run(args.toArray(String[]::new));
    }

    @Test
    void fetchesVerifiesAndSaysWhatItDid() throws IOException {
        Cli first = fetch();
        assertEquals(0, first.exitCode(), first.err());
        Path dir = data.resolve("assets/flatcar/4152.2.3");
        assertArrayEquals(kernel, Files.readAllBytes(dir.resolve(KERNEL)));
        assertArrayEquals(initrd, Files.readAllBytes(dir.resolve(INITRD)));
        String signer = "subkey " + keys.signingKeyId() + " of " + keys.fingerprint() + " (Test Buildbot <buildbot@example.org>)";
        String[] out = first.out().split("\n");
        assertEquals(2, out.length, first.out());
        assertTrue(out[0].startsWith("downloaded " + dir.resolve(KERNEL) + " (150,000 bytes), signed "), out[0]);
        assertTrue(out[0].endsWith(" by " + signer), out[0]);
        assertTrue(out[1].startsWith("downloaded " + dir.resolve(INITRD) + " (250,000 bytes), signed "), out[1]);
        // not a terminal: plain lines, nothing a log could choke on
        assertTrue(first.err().startsWith(KERNEL + ": downloading 150.0 kB\n" + KERNEL + ": 150.0 kB in "), first.err());
        assertTrue(first.err().contains("\n" + INITRD + ": downloading 250.0 kB\n" + INITRD + ": 250.0 kB in "), first.err());
        assertEquals(4, first.err().lines().count(), first.err());
        assertFalse(first.err().chars().anyMatch(c -> c != '\n' && Character.isISOControl(c)), first.err());

        Cli second = fetch();
        assertEquals(0, second.exitCode(), second.err());
        assertTrue(second.out().startsWith("kept       " + dir.resolve(KERNEL) + " (150,000 bytes), signed "), second.out());
        assertEquals("", second.err());
    }

    @Test
    void quietPrintsNothing() {
        Cli quiet = fetch("--quiet");
        assertEquals(0, quiet.exitCode(), quiet.err());
        assertEquals("", quiet.out());
        assertEquals("", quiet.err());
    }

    @Test
    void aBadSignatureExitsOneAndSaysWhatToDo() throws IOException {
        byte[] tampered = kernel.clone();
        tampered[99] ^= 0x01;
        server.put("4152.2.3/" + KERNEL, tampered);
        Cli cli = fetch();
        assertEquals(1, cli.exitCode());
        String error = cli.err().substring(cli.err().indexOf("metalboot: "));
        assertTrue(error.startsWith("metalboot: " + KERNEL + " from " + server.base() + "/4152.2.3/" + KERNEL
                + ": BAD signature: the contents do not match what subkey " + keys.signingKeyId() + " of " + keys.fingerprint()), error);
        assertTrue(error.endsWith(". Deleted the download. Run the command again to download it anew; if it fails again, "
                + server.base() + " serves altered files: do not boot them.\n"), error);
        assertFalse(Files.exists(data.resolve("assets/flatcar/4152.2.3/" + KERNEL)));
        assertFalse(Files.exists(data.resolve("assets/flatcar/4152.2.3/" + KERNEL + ".part")));
    }

    @Test
    void theBundledKeyRejectsFilesSignedByAnotherKey() {
        List<String> args = new ArrayList<>(List.of("assets", "fetch", "flatcar", "--channel", "stable", "--version", "4152.2.3",
                "--base-url", server.base(), "--dir", data.toString()));
        Cli cli = Cli.run(args.toArray(String[]::new));
        assertEquals(1, cli.exitCode());
        assertTrue(cli.err().contains(": signed by key " + keys.signingKeyId() + ", which is not in the bundled Flatcar image signing"
                + " key (F88CFEDEFF29A5B4D9523864E25D9AED0593B34A (Flatcar Buildbot (Official Builds) <buildbot@flatcar-linux.org>)"
                + " with 9 subkeys). Deleted the download."), cli.err());
    }

    @Test
    void aMissingVersionExitsOne() {
        Cli cli = Cli.run("assets", "fetch", "flatcar", "--channel", "beta", "--version", "9999.1.0", "--base-url", server.base(),
                "--dir", data.toString(), "--key", key.toString());
        assertEquals(1, cli.exitCode());
        assertEquals("metalboot: " + server.base() + "/9999.1.0/" + KERNEL + ".sig: HTTP 404 Not Found. Check --channel beta and"
                + " --version 9999.1.0 and --base-url " + server.base() + ": is 9999.1.0 a beta release? (see"
                + " https://www.flatcar.org/releases)\n", cli.err());
    }

    @Test
    void aRefusedConnectionExitsOneNamingTheMirror() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        String base = "http://127.0.0.1:" + port + "/amd64-usr";
        Cli cli = Cli.run("assets", "fetch", "flatcar", "--channel", "stable", "--version", "current", "--base-url", base + "/",
                "--dir", data.toString(), "--key", key.toString(), "--retries", "0");
        assertEquals(1, cli.exitCode());
        assertEquals("metalboot: " + base + "/current/" + KERNEL + ".sig: connection refused (1 attempt). Cannot reach " + base
                + ": check the network and --base-url\n", cli.err());
        assertTrue(Files.isDirectory(data.resolve("assets/flatcar/current")));
    }

    record BadInput(List<String> args, String message) {
    }

    @Test
    void badInputExitsTwoNamingTheFlagAndTheFix() throws IOException {
        Path notAKey = Files.writeString(tmp.resolve("not-a-key.asc"), "hello\n", StandardCharsets.UTF_8);
        for (BadInput bad : List.of(
                new BadInput(List.of("flatcar", "--channel", "stable", "--version", "4152.2"),
                        "--version '4152.2' is not a Flatcar version (expected current, current-YYYY for an LTS stream, or"
                                + " MAJOR.MINOR.PATCH, e.g. 4152.2.3)"),
                new BadInput(List.of("flatcar", "--channel", "edge", "--version", "current"),
                        "--channel 'edge' is not a Flatcar channel (expected stable, beta, alpha or lts)"),
                new BadInput(List.of("flatcar", "--channel", "stable", "--version", "current", "--base-url", "ftp://mirror/flatcar"),
                        "--base-url 'ftp://mirror/flatcar' is not an http(s) URL (e.g. https://stable.release.flatcar-linux.net/amd64-usr)"),
                new BadInput(List.of("coreos", "--channel", "stable", "--version", "current"),
                        "OS 'coreos' cannot be fetched (expected flatcar)"),
                new BadInput(List.of("flatcar", "--channel", "stable", "--version", "current", "--key", tmp.resolve("nope.asc").toString()),
                        "--key " + tmp.resolve("nope.asc") + ": no such file"),
                new BadInput(List.of("flatcar", "--channel", "stable", "--version", "current", "--key", notAKey.toString()),
                        "--key " + notAKey + " is not an OpenPGP public key (unable to decode base64 data: invalid characters"
                                + " encountered at end of base64 data); export one with: gpg --export --armor KEYID > key.asc"))) {
            List<String> args = new ArrayList<>(List.of("assets", "fetch"));
            args.addAll(bad.args());
            args.addAll(List.of("--dir", data.toString()));
            Cli cli = Cli.run(args.toArray(String[]::new));
            assertEquals(2, cli.exitCode(), bad + " -> " + cli.err());
            assertEquals("metalboot: " + bad.message() + "\n", cli.err());
        }
        assertFalse(Files.exists(data), "nothing written for bad input");
        Cli missing = Cli.run("assets", "fetch", "flatcar", "--channel", "stable");
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().startsWith("Missing required option: '--version=VERSION'"), missing.err());
    }

    @Test
    void helpExplainsLayoutResumeAndKey() {
        Cli help = Cli.run("assets", "fetch", "--help");
        assertEquals(0, help.exitCode());
        String text = help.out().replaceAll("\\s+", " ");
        for (String expected : List.of("metalboot assets fetch flatcar --channel stable --version 4152.2.3 --dir DATA",
                "DATA/assets/flatcar/VERSION/", "resumes with an HTTP range request", "F88CFEDEFF29A5B4D9523864E25D9AED0593B34A",
                "--base-url=URL", "--key=FILE", "--force", "--quiet", "Exit status: 0 ok, 1 failure")) {
            assertTrue(text.contains(expected), expected + " in " + text);
        }
        assertTrue(Cli.run("--help").out().contains("assets"));
    }
}
