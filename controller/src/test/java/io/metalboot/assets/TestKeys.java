package io.metalboot.assets;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.BCPGOutputStream;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.bcpg.sig.RevocationReasonTags;
import org.bouncycastle.crypto.generators.RSAKeyPairGenerator;
import org.bouncycastle.crypto.params.RSAKeyGenerationParameters;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPKeyPair;
import org.bouncycastle.openpgp.PGPKeyRingGenerator;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;
import org.bouncycastle.openpgp.operator.bc.BcPGPKeyPair;

/**
 * OpenPGP keys made in the test with Bouncy Castle, shaped like Flatcar's: an RSA primary key that
 * certifies, and a signing subkey bound to it (with its back-signature) that signs the files.
 */
public final class TestKeys {
    /** How the signing subkey is bound; the defaults are Flatcar's. */
    public record Shape(boolean subkey, boolean backSignature, Duration keyAge, Duration subkeyLifetime, boolean revokeSubkey) {
        public static Shape flatcarLike() {
            return new Shape(true, true, Duration.ofDays(30), Duration.ZERO, false);
        }

        public static Shape primaryOnly() {
            return new Shape(false, false, Duration.ofDays(30), Duration.ZERO, false);
        }
    }

    private final PGPKeyPair primary;
    private final PGPKeyPair signing;
    private final PGPPublicKeyRing publicRing;

    private TestKeys(PGPKeyPair primary, PGPKeyPair signing, PGPPublicKeyRing publicRing) {
        this.primary = primary;
        this.signing = signing;
        this.publicRing = publicRing;
    }

    public static TestKeys generate(String userId, Shape shape) {
        try {
            Date created = Date.from(Instant.now().minus(shape.keyAge()));
            PGPKeyPair primary = rsa(created);
            PGPSignatureSubpacketGenerator primaryPackets = new PGPSignatureSubpacketGenerator();
            primaryPackets.setSignatureCreationTime(false, created);
            primaryPackets.setKeyFlags(false, KeyFlags.CERTIFY_OTHER | (shape.subkey() ? 0 : KeyFlags.SIGN_DATA));
            PGPKeyRingGenerator rings = new PGPKeyRingGenerator(PGPSignature.POSITIVE_CERTIFICATION, primary, userId,
                    new BcPGPDigestCalculatorProvider().get(HashAlgorithmTags.SHA1), primaryPackets.generate(), null,
                    new BcPGPContentSignerBuilder(PublicKeyAlgorithmTags.RSA_GENERAL, HashAlgorithmTags.SHA256), null);
            if (!shape.subkey()) {
                return new TestKeys(primary, primary, rings.generatePublicKeyRing());
            }
            PGPKeyPair sub = rsa(created);
            PGPSignatureSubpacketGenerator binding = new PGPSignatureSubpacketGenerator();
            binding.setSignatureCreationTime(false, created);
            binding.setKeyFlags(false, KeyFlags.SIGN_DATA);
            if (!shape.subkeyLifetime().isZero()) {
                binding.setKeyExpirationTime(false, shape.subkeyLifetime().toSeconds());
            }
            rings.addSubKey(sub, binding.generate(), null, shape.backSignature()
                    ? new BcPGPContentSignerBuilder(PublicKeyAlgorithmTags.RSA_GENERAL, HashAlgorithmTags.SHA256) : null);
            PGPPublicKeyRing ring = rings.generatePublicKeyRing();
            if (shape.revokeSubkey()) {
                PGPSignatureGenerator revoker = new PGPSignatureGenerator(
                        new BcPGPContentSignerBuilder(PublicKeyAlgorithmTags.RSA_GENERAL, HashAlgorithmTags.SHA256), primary.getPublicKey());
                revoker.init(PGPSignature.SUBKEY_REVOCATION, primary.getPrivateKey());
                PGPSignatureSubpacketGenerator why = new PGPSignatureSubpacketGenerator();
                why.setRevocationReason(false, RevocationReasonTags.KEY_COMPROMISED, "test");
                revoker.setHashedSubpackets(why.generate());
                PGPPublicKey subPublic = ring.getPublicKey(sub.getKeyID());
                PGPSignature revocation = revoker.generateCertification(primary.getPublicKey(), subPublic);
                ring = PGPPublicKeyRing.insertPublicKey(ring, PGPPublicKey.addCertification(subPublic, revocation));
            }
            return new TestKeys(primary, sub, ring);
        } catch (PGPException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PGPKeyPair rsa(Date created) throws PGPException {
        RSAKeyPairGenerator gen = new RSAKeyPairGenerator();
        gen.init(new RSAKeyGenerationParameters(BigInteger.valueOf(0x10001), new SecureRandom(), 2048, 80));
        return new BcPGPKeyPair(PublicKeyAlgorithmTags.RSA_GENERAL, gen.generateKeyPair(), created);
    }

    /** The long key id of the key that signs (the subkey, or the primary key when there is none). */
    public String signingKeyId() {
        return Keyring.keyId(signing.getKeyID());
    }

    public String fingerprint() {
        return Keyring.fingerprint(publicRing.getPublicKey());
    }

    /** The public keys, armored, as {@code gpg --export --armor} writes them. */
    public Path exportPublic(Path file) throws IOException {
        try (OutputStream out = new ArmoredOutputStream(Files.newOutputStream(file))) {
            publicRing.encode(out);
        }
        return file;
    }

    /** A binary detached signature over {@code data}, as Flatcar's {@code .sig} files are. */
    public byte[] sign(byte[] data) {
        return sign(data, Instant.now().minusSeconds(60), HashAlgorithmTags.SHA512);
    }

    public byte[] sign(byte[] data, Instant when, int hash) {
        try {
            PGPSignatureGenerator gen = new PGPSignatureGenerator(
                    new BcPGPContentSignerBuilder(signing.getPublicKey().getAlgorithm(), hash), signing.getPublicKey());
            gen.init(PGPSignature.BINARY_DOCUMENT, signing.getPrivateKey());
            PGPSignatureSubpacketGenerator packets = new PGPSignatureSubpacketGenerator();
            packets.setSignatureCreationTime(false, Date.from(when));
            packets.setIssuerFingerprint(false, signing.getPublicKey());
            gen.setHashedSubpackets(packets.generate());
            gen.update(data);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (BCPGOutputStream bcpg = new BCPGOutputStream(out)) {
                gen.generate().encode(bcpg);
            }
            return out.toByteArray();
        } catch (PGPException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same signature, ASCII-armored ({@code gpg --armor --detach-sign}). */
    public static byte[] armor(byte[] binary) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ArmoredOutputStream armored = new ArmoredOutputStream(out)) {
            armored.write(binary);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }
}
