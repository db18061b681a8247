package io.metalboot.assets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metalboot.assets.BadSignatureException.Kind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Detached signatures checked with keys made in the test: what passes, what does not, and the words. */
class SignatureCheckTest {
    private static final String UID = "Test Buildbot <buildbot@example.org>";
    private static TestKeys flatcarLike;
    private static TestKeys primaryOnly;
    private static TestKeys stranger;
    private static byte[] data;

    @TempDir
    Path dir;

    @BeforeAll
    static void keys() {
        flatcarLike = TestKeys.generate(UID, TestKeys.Shape.flatcarLike());
        primaryOnly = TestKeys.generate(UID, TestKeys.Shape.primaryOnly());
        stranger = TestKeys.generate("Someone Else <else@example.org>", TestKeys.Shape.flatcarLike());
        data = new byte[300_000];
        new Random(7).nextBytes(data);
    }

    private SignatureCheck.Verified check(TestKeys keyring, byte[] content, byte[] signature) throws IOException {
        Path file = Files.write(dir.resolve("image"), content);
        Path sig = Files.write(dir.resolve("image.sig"), signature);
        Keyring keys = Keyring.read(keyring.exportPublic(dir.resolve("key.asc")));
        return new SignatureCheck(keys).verify(file, sig, Instant.now());
    }

    private BadSignatureException rejected(TestKeys keyring, byte[] content, byte[] signature) {
        return assertThrows(BadSignatureException.class, () -> check(keyring, content, signature));
    }

    @Test
    void aSubkeySignatureVerifies() throws IOException {
        SignatureCheck.Verified v = check(flatcarLike, data, flatcarLike.sign(data));
        assertEquals(flatcarLike.signingKeyId(), v.keyId());
        assertEquals("subkey " + flatcarLike.signingKeyId() + " of " + flatcarLike.fingerprint() + " (" + UID + ")", v.signer());
    }

    @Test
    void aPrimaryKeySignatureVerifies() throws IOException {
        assertEquals("key " + primaryOnly.fingerprint() + " (" + UID + ")", check(primaryOnly, data, primaryOnly.sign(data)).signer());
    }

    @Test
    void anArmoredSignatureVerifies() throws IOException {
        assertEquals(flatcarLike.signingKeyId(), check(flatcarLike, data, TestKeys.armor(flatcarLike.sign(data))).keyId());
    }

    @Test
    void oneFlippedByteIsABadSignature() {
        byte[] tampered = data.clone();
        tampered[123_456] ^= 0x01;
        BadSignatureException e = rejected(flatcarLike, tampered, flatcarLike.sign(data));
        assertEquals(Kind.MISMATCH, e.kind());
        assertEquals("BAD signature: the contents do not match what subkey " + flatcarLike.signingKeyId() + " of "
                + flatcarLike.fingerprint() + " (" + UID + ") signed on " + SigningKeyCheck.day(Instant.now().minusSeconds(60)),
                e.getMessage());
    }

    @Test
    void aSignatureByAnotherKeyIsRejected() {
        BadSignatureException e = rejected(flatcarLike, data, stranger.sign(data));
        assertEquals(Kind.UNKNOWN_KEY, e.kind());
        assertEquals("signed by key " + stranger.signingKeyId() + ", which is not in " + dir.resolve("key.asc") + " ("
                + flatcarLike.fingerprint() + " (" + UID + ") with 1 subkey)", e.getMessage());
    }

    @Test
    void aSubkeyCountsOnlyWhileItLives() {
        TestKeys yearly = TestKeys.generate(UID, new TestKeys.Shape(true, true, Duration.ofDays(400), Duration.ofDays(365), false));
        Instant created = Instant.now().minus(Duration.ofDays(400));
        byte[] lastYear = yearly.sign(data, created.plus(Duration.ofDays(100)), HashAlgorithmTags.SHA512);
        assertEquals(yearly.signingKeyId(), assertDoesNotThrow(yearly, lastYear));
        BadSignatureException e = rejected(yearly, data, yearly.sign(data));
        assertEquals(Kind.KEY_NOT_VALID, e.kind());
        assertEquals("signed on " + SigningKeyCheck.day(Instant.now().minusSeconds(60)) + " by subkey " + yearly.signingKeyId() + " of "
                + yearly.fingerprint() + " (" + UID + "), but that subkey expired on " + SigningKeyCheck.day(created.plus(Duration.ofDays(365)))
                + ", before the signature's date " + SigningKeyCheck.day(Instant.now().minusSeconds(60)), e.getMessage());
    }

    private String assertDoesNotThrow(TestKeys keys, byte[] sig) {
        try {
            return check(keys, data, sig).keyId();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aRevokedSubkeyIsRejected() {
        TestKeys revoked = TestKeys.generate(UID, new TestKeys.Shape(true, true, Duration.ofDays(30), Duration.ZERO, true));
        BadSignatureException e = rejected(revoked, data, revoked.sign(data));
        assertEquals(Kind.KEY_NOT_VALID, e.kind());
        assertTrue(e.getMessage().endsWith("but that subkey was revoked on " + SigningKeyCheck.day(Instant.now()) + " (key compromised: test)"),
                e.getMessage());
    }

    @Test
    void aSigningSubkeyWithoutItsBackSignatureIsRejected() {
        TestKeys unbound = TestKeys.generate(UID, new TestKeys.Shape(true, false, Duration.ofDays(30), Duration.ZERO, false));
        BadSignatureException e = rejected(unbound, data, unbound.sign(data));
        assertEquals(Kind.KEY_NOT_VALID, e.kind());
        assertTrue(e.getMessage().endsWith(", but that subkey is not bound to its primary key by valid signatures (binding and"
                + " back-signature)"), e.getMessage());
    }

    @Test
    void sha1IsTooWeak() {
        BadSignatureException e = rejected(flatcarLike, data, flatcarLike.sign(data, Instant.now(), HashAlgorithmTags.SHA1));
        assertEquals("signed by subkey " + flatcarLike.signingKeyId() + " of " + flatcarLike.fingerprint() + " (" + UID
                + ") with a weak hash (algorithm 2: MD5, SHA-1 or RIPEMD-160), which anyone could forge", e.getMessage());
    }

    @Test
    void aSignatureFromTheFutureIsRejected() {
        BadSignatureException e = rejected(flatcarLike, data,
                flatcarLike.sign(data, Instant.now().plus(Duration.ofDays(3)), HashAlgorithmTags.SHA512));
        assertTrue(e.getMessage().endsWith("; check this machine's clock"), e.getMessage());
    }

    @Test
    void anErrorPageIsNotASignature() {
        BadSignatureException e = rejected(flatcarLike, data, "<html>404 Not Found</html>\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(Kind.MALFORMED, e.kind());
        assertEquals("image.sig holds no OpenPGP signature", e.getMessage());
        BadSignatureException binary = rejected(flatcarLike, data, new byte[] {(byte) 0x89, 0x01, 0x02, 0x03});
        assertEquals(Kind.MALFORMED, binary.kind());
        assertTrue(binary.getMessage().startsWith("image.sig is not an OpenPGP signature ("), binary.getMessage());
    }
}
