package io.metalboot.assets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metalboot.assets.AssetServer.Request;
import io.metalboot.assets.FlatcarFetch.Fetched;
import io.metalboot.assets.FlatcarFetch.Outcome;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole fetch against a mirror on 127.0.0.1: signatures, resumes, restarts and the errors. */
class FlatcarFetchTest {
    private static final String VERSION = "4152.2.3";
    private static final String KERNEL = "flatcar_production_pxe.vmlinuz";
    private static final String INITRD = "flatcar_production_pxe_image.cpio.gz";
    private static final FetchOptions FAST = new FetchOptions(3, Duration.ZERO, Duration.ofSeconds(10), Duration.ofMillis(500), false);

    private static TestKeys keys;
    private static TestKeys stranger;
    private static byte[] kernel;
    private static byte[] initrd;

    @TempDir
    Path data;
    private AssetServer server;
    private Keyring keyring;
    private final List<String> notes = new ArrayList<>();

    @BeforeAll
    static void release() {
        keys = TestKeys.generate("Test Buildbot <buildbot@example.org>", TestKeys.Shape.flatcarLike());
        stranger = TestKeys.generate("Someone Else <else@example.org>", TestKeys.Shape.flatcarLike());
        Random random = new Random(42);
        kernel = new byte[2_000_000];
        initrd = new byte[3_000_000];
        random.nextBytes(kernel);
        random.nextBytes(initrd);
    }

    @BeforeEach
    void mirror() throws IOException {
        server = new AssetServer();
        publish(VERSION, KERNEL, kernel, keys);
        publish(VERSION, INITRD, initrd, keys);
        keyring = Keyring.read(keys.exportPublic(Files.createTempFile(data.getParent(), "key", ".asc")));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private void publish(String version, String name, byte[] content, TestKeys signer) {
        server.put(version + "/" + name, content);
        server.put(version + "/" + name + ".sig", signer.sign(content));
    }

    private List<Fetched> fetch(String version, FetchOptions options) {
        return fetch(FlatcarRelease.of("stable", version, Optional.of(server.base())), options);
    }

    private List<Fetched> fetch(FlatcarRelease release, FetchOptions options) {
        return new FlatcarFetch(release, data, keyring, options, recorder(), Clock.systemUTC(), true).run();
    }

    private Path dir() {
        return data.resolve("assets/flatcar/" + VERSION);
    }

    private List<String> leftovers() throws IOException {
        try (Stream<Path> files = Files.list(dir())) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".part") || n.endsWith(".if-range")).sorted().toList();
        }
    }

    private void assertInPlace() throws IOException {
        assertArrayEquals(kernel, Files.readAllBytes(dir().resolve(KERNEL)));
        assertArrayEquals(initrd, Files.readAllBytes(dir().resolve(INITRD)));
        assertTrue(Files.exists(dir().resolve(KERNEL + ".sig")));
        assertTrue(Files.exists(dir().resolve(INITRD + ".sig")));
        assertEquals(List.of(), leftovers());
    }

    @Test
    void downloadsBothFilesVerifiesThemAndPutsThemWhereTheProfilesLook() throws IOException {
        List<Fetched> fetched = fetch(VERSION, FAST);
        assertEquals(List.of(Outcome.DOWNLOADED, Outcome.DOWNLOADED), fetched.stream().map(Fetched::outcome).toList());
        assertEquals(dir().resolve(KERNEL), fetched.get(0).file());
        assertEquals(keys.signingKeyId(), fetched.get(0).signature().keyId());
        assertInPlace();
        assertEquals(List.of(), notes);
    }

    @Test
    void verifiedFilesAreCheckedAgainAndKeptWithoutARequest() throws IOException {
        fetch(VERSION, FAST);
        int before = server.requests().size();
        List<Fetched> again = fetch(VERSION, FAST);
        assertEquals(List.of(Outcome.KEPT, Outcome.KEPT), again.stream().map(Fetched::outcome).toList());
        assertEquals(before, server.requests().size());
        List<Fetched> forced = fetch(VERSION, FAST.withForce(true));
        assertEquals(List.of(Outcome.DOWNLOADED, Outcome.DOWNLOADED), forced.stream().map(Fetched::outcome).toList());
        assertEquals(before + 4, server.requests().size());
        assertInPlace();
    }

    @Test
    void aFileAlreadyThereThatDoesNotVerifyIsDownloadedAgain() throws IOException {
        fetch(VERSION, FAST);
        byte[] broken = kernel.clone();
        broken[10] ^= 0x40;
        Files.write(dir().resolve(KERNEL), broken);
        List<Fetched> fetched = fetch(VERSION, FAST);
        assertEquals(List.of(Outcome.DOWNLOADED, Outcome.KEPT), fetched.stream().map(Fetched::outcome).toList());
        assertEquals(1, notes.size());
        assertTrue(notes.get(0).startsWith(KERNEL + ": the file already in " + dir() + " does not verify (BAD signature"), notes.get(0));
        assertTrue(notes.get(0).endsWith("); removed it, downloading it again"), notes.get(0));
        assertInPlace();
    }

    @Test
    void aFileAlreadyThereSignedByAnotherKeyIsKeptAndNothingDownloaded() throws IOException {
        fetch(VERSION, FAST);
        int before = server.requests().size();
        keyring = Keyring.read(stranger.exportPublic(data.resolve("stranger.asc")));
        BadSignatureException e = assertThrows(BadSignatureException.class, () -> fetch(VERSION, FAST));
        assertEquals(BadSignatureException.Kind.UNKNOWN_KEY, e.kind());
        assertTrue(e.getMessage().startsWith(KERNEL + " in " + dir() + ": signed by key " + keys.signingKeyId() + ", which is not in "),
                e.getMessage());
        assertTrue(e.getMessage().endsWith(". Kept it and downloaded nothing. If it was fetched with another --key, pass that key"
                + " again; --force downloads it anew and replaces it only if the new copy verifies."), e.getMessage());
        assertEquals(before, server.requests().size());
        assertArrayEquals(kernel, Files.readAllBytes(dir().resolve(KERNEL)));
    }

    @Test
    void oneFlippedByteIsRejectedAndTheDownloadDeleted() throws IOException {
        byte[] tampered = kernel.clone();
        tampered[1_234_567] ^= 0x01;
        server.put(VERSION + "/" + KERNEL, tampered);
        BadSignatureException e = assertThrows(BadSignatureException.class, () -> fetch(VERSION, FAST));
        assertEquals(BadSignatureException.Kind.MISMATCH, e.kind());
        assertEquals(KERNEL + " from " + server.base() + "/" + VERSION + "/" + KERNEL + ": BAD signature: the contents do not match"
                + " what subkey " + keys.signingKeyId() + " of " + keys.fingerprint() + " (Test Buildbot <buildbot@example.org>) signed"
                + " on " + SigningKeyCheck.day(java.time.Instant.now().minusSeconds(60)) + ". Deleted the download. Run the command"
                + " again to download it anew; if it fails again, " + server.base() + " serves altered files: do not boot them.",
                e.getMessage());
        try (Stream<Path> files = Files.list(dir())) {
            assertEquals(List.of(FlatcarFetch.LOCK), files.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void aSignatureByAKeyNotInTheKeyringIsRejected() throws IOException {
        publish(VERSION, KERNEL, kernel, stranger);
        BadSignatureException e = assertThrows(BadSignatureException.class, () -> fetch(VERSION, FAST));
        assertEquals(BadSignatureException.Kind.UNKNOWN_KEY, e.kind());
        assertTrue(e.getMessage().contains(": signed by key " + stranger.signingKeyId() + ", which is not in "), e.getMessage());
        assertTrue(e.getMessage().endsWith("Deleted the download. If Flatcar signs with a new key, pass it with --key FILE"
                + " (https://www.flatcar.org/security/image-signing-key/); otherwise " + server.base()
                + " does not serve Flatcar's own images."), e.getMessage());
        assertFalse(Files.exists(dir().resolve(KERNEL)));
        assertEquals(List.of(), leftovers());
    }

    @Test
    void aTransferCutMidwayResumesWithARangeRequest() throws IOException {
        server.cutNext(VERSION + "/" + KERNEL, 700_000);
        fetch(VERSION, FAST);
        List<Request> kernelRequests = server.requests(VERSION + "/" + KERNEL);
        assertEquals(2, kernelRequests.size(), kernelRequests.toString());
        assertEquals(Optional.empty(), kernelRequests.get(0).range());
        Request resumed = kernelRequests.get(1);
        assertEquals(206, resumed.status());
        long from = Long.parseLong(resumed.range().orElseThrow().replaceAll("bytes=(\\d+)-", "$1"));
        assertTrue(from > 0 && from <= 700_000, resumed.toString());
        assertEquals(Optional.of(AssetServer.etag(kernel)), resumed.ifRange());
        assertTrue(notes.get(0).startsWith(KERNEL + ": "), notes.toString());
        assertTrue(notes.get(0).contains("; retrying in 0.0 s, resuming at "), notes.toString());
        assertInPlace();
    }

    @Test
    void aPartialFileFromAnEarlierRunIsResumed() throws IOException {
        Files.createDirectories(dir());
        Files.write(dir().resolve(KERNEL + ".part"), Arrays.copyOf(kernel, 1_000_000));
        Files.writeString(dir().resolve(KERNEL + ".part.if-range"), AssetServer.etag(kernel));
        fetch(VERSION, FAST);
        assertEquals(List.of(new Request("/amd64-usr/" + VERSION + "/" + KERNEL, Optional.of("bytes=1000000-"),
                Optional.of(AssetServer.etag(kernel)), 206)), server.requests(VERSION + "/" + KERNEL));
        assertInPlace();
    }

    @Test
    void aPartialFileOfAnotherVersionOfTheFileStartsOver() throws IOException {
        Files.createDirectories(dir());
        Files.write(dir().resolve(KERNEL + ".part"), new byte[1_000_000]);
        Files.writeString(dir().resolve(KERNEL + ".part.if-range"), "\"an-older-kernel\"");
        fetch(VERSION, FAST);
        assertEquals(List.of(200), server.requests(VERSION + "/" + KERNEL).stream().map(Request::status).toList());
        assertInPlace();
    }

    @Test
    void aServerIgnoringRangesRestartsFromZero() throws IOException {
        server.ignoreRanges(true);
        server.cutNext(VERSION + "/" + KERNEL, 700_000);
        fetch(VERSION, FAST);
        List<Request> kernelRequests = server.requests(VERSION + "/" + KERNEL);
        assertEquals(List.of(200, 200), kernelRequests.stream().map(Request::status).toList());
        assertTrue(kernelRequests.get(1).range().isPresent());
        assertTrue(notes.contains(KERNEL + ": the server sent the whole file instead of the rest; starting over from byte 0"), notes.toString());
        assertInPlace();
    }

    @Test
    void aCompletePartialFileIsAnswered416AndUsed() throws IOException {
        Files.createDirectories(dir());
        Files.write(dir().resolve(KERNEL + ".part"), kernel);
        fetch(VERSION, FAST);
        assertEquals(List.of(416), server.requests(VERSION + "/" + KERNEL).stream().map(Request::status).toList());
        assertInPlace();
    }

    @Test
    void aPartialFileLongerThanTheFileStartsOver() throws IOException {
        Files.createDirectories(dir());
        Files.write(dir().resolve(KERNEL + ".part"), new byte[2_500_000]);
        fetch(VERSION, FAST);
        assertEquals(List.of(416, 200), server.requests(VERSION + "/" + KERNEL).stream().map(Request::status).toList());
        assertTrue(notes.contains(KERNEL + ": the partial download (2.5 MB) does not fit the file on the server any more; starting over"),
                notes.toString());
        assertInPlace();
    }

    @Test
    void aStalledTransferIsDroppedAndResumed() throws IOException {
        server.stallNext(VERSION + "/" + INITRD, 1_000_000);
        fetch(VERSION, FAST);
        List<Request> initrdRequests = server.requests(VERSION + "/" + INITRD);
        assertEquals(List.of(200, 206), initrdRequests.stream().map(Request::status).toList());
        assertTrue(notes.stream().anyMatch(n -> n.startsWith(INITRD + ": no data for 0.5 s; retrying")), notes.toString());
        assertInPlace();
    }

    @Test
    void aServerErrorIsRetried() throws IOException {
        server.failNext(VERSION + "/" + KERNEL + ".sig", 503);
        fetch(VERSION, FAST);
        assertEquals(List.of(503, 200), server.requests(VERSION + "/" + KERNEL + ".sig").stream().map(Request::status).toList());
        assertInPlace();
    }

    @Test
    void aMissingVersionNamesTheUrlAndSuggestsCheckingChannelAndVersion() {
        AssetsException e = assertThrows(AssetsException.class, () -> fetch("9999.0.0", FAST));
        assertFalse(e.badInput());
        assertEquals(server.base() + "/9999.0.0/" + KERNEL + ".sig: HTTP 404 Not Found. Check --channel stable and --version 9999.0.0"
                + " and --base-url " + server.base() + ": is 9999.0.0 a stable release? (see https://www.flatcar.org/releases)", e.getMessage());
    }

    @Test
    void aRefusedConnectionNamesTheBaseUrl() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        String base = "http://127.0.0.1:" + port + "/amd64-usr";
        FetchOptions oneRetry = new FetchOptions(1, Duration.ZERO, Duration.ofSeconds(5), Duration.ofSeconds(5), false);
        AssetsException e = assertThrows(AssetsException.class,
                () -> fetch(FlatcarRelease.of("stable", VERSION, Optional.of(base)), oneRetry));
        assertEquals(base + "/" + VERSION + "/" + KERNEL + ".sig: connection refused (2 attempts). Cannot reach " + base
                + ": check the network and --base-url", e.getMessage());
        assertEquals(List.of(KERNEL + ".sig: connection refused; retrying in 0.0 s"), notes);
    }

    @Test
    void aSecondFetchIntoTheSameDirectoryWaits() throws IOException {
        Files.createDirectories(dir());
        try (FileChannel held = FileChannel.open(dir().resolve(FlatcarFetch.LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = held.lock()) {
            AssetsException e = assertThrows(AssetsException.class, () -> fetch(VERSION, FAST));
            assertEquals("another metalboot assets fetch is writing " + dir() + "; wait for it to finish", e.getMessage());
        }
    }

    private TransferListener recorder() {
        return notes::add;
    }
}
