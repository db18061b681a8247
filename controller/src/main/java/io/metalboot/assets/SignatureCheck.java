package io.metalboot.assets;

import io.metalboot.assets.BadSignatureException.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.openpgp.PGPCompressedData;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentVerifierBuilderProvider;

/** Checks a file against a detached OpenPGP signature ({@code gpg --detach-sign}, binary or armored). */
public final class SignatureCheck {
    /** How far in the future a signature may be dated (clocks drift). */
    static final Duration CLOCK_SKEW = Duration.ofDays(1);
    private static final int MAX_SIGNATURE_BYTES = 64 * 1024;

    private final Keyring keyring;

    public SignatureCheck(Keyring keyring) {
        this.keyring = keyring;
    }

    /** Who signed, when. */
    public record Verified(String keyId, String signer, Instant made) {
    }

    /**
     * Verifies {@code data} against {@code signature}; throws {@link BadSignatureException} naming
     * the key and the reason when it does not check out.
     */
    public Verified verify(Path data, Path signature, Instant now) {
        List<PGPSignature> sigs = read(signature);
        BadSignatureException first = null;
        for (PGPSignature sig : sigs) {
            try {
                return verifyOne(sig, data, now);
            } catch (BadSignatureException e) {
                first = first == null ? e : first;
            }
        }
        throw first;
    }

    private Verified verifyOne(PGPSignature sig, Path data, Instant now) {
        String keyId = Keyring.keyId(sig.getKeyID());
        Instant made = sig.getCreationTime().toInstant();
        if (sig.getSignatureType() != PGPSignature.BINARY_DOCUMENT) {
            throw new BadSignatureException(Kind.MALFORMED, "the signature by key " + keyId + " is of type 0x"
                    + Integer.toHexString(sig.getSignatureType()) + ", not a signature over a file (0x00)");
        }
        Keyring.Signer signer = keyring.find(sig.getKeyID()).orElseThrow(() -> new BadSignatureException(Kind.UNKNOWN_KEY,
                "signed by key " + keyId + ", which is not in " + keyring.source() + " (" + keyring.describe() + ")"));
        String who = signer.describe();
        switch (sig.getHashAlgorithm()) {
            case HashAlgorithmTags.MD5, HashAlgorithmTags.SHA1, HashAlgorithmTags.RIPEMD160 -> throw new BadSignatureException(
                    Kind.KEY_NOT_VALID, "signed by " + who + " with a weak hash (algorithm " + sig.getHashAlgorithm()
                            + ": MD5, SHA-1 or RIPEMD-160), which anyone could forge");
            default -> { }
        }
        if (made.isAfter(now.plus(CLOCK_SKEW))) {
            throw new BadSignatureException(Kind.KEY_NOT_VALID, "signed by " + who + " with a date in the future ("
                    + made + "); check this machine's clock");
        }
        long expires = sig.getHashedSubPackets() == null ? 0 : sig.getHashedSubPackets().getSignatureExpirationTime();
        if (expires > 0 && !now.isBefore(made.plusSeconds(expires))) {
            throw new BadSignatureException(Kind.KEY_NOT_VALID, "the signature by " + who + " expired on "
                    + SigningKeyCheck.day(made.plusSeconds(expires)));
        }
        Optional<String> problem = SigningKeyCheck.problem(signer, made);
        if (problem.isPresent()) {
            throw new BadSignatureException(Kind.KEY_NOT_VALID, "signed on " + SigningKeyCheck.day(made) + " by " + who
                    + ", but " + (signer.key().isMasterKey() || problem.get().startsWith("the primary") ? "" : "that subkey ")
                    + problem.get());
        }
        if (!contentsMatch(sig, signer, data)) {
            throw new BadSignatureException(Kind.MISMATCH, "BAD signature: the contents do not match what " + who
                    + " signed on " + SigningKeyCheck.day(made));
        }
        return new Verified(keyId, who, made);
    }

    private static boolean contentsMatch(PGPSignature sig, Keyring.Signer signer, Path data) {
        try (InputStream in = Files.newInputStream(data)) {
            sig.init(new BcPGPContentVerifierBuilderProvider(), signer.key());
            byte[] buffer = new byte[256 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                sig.update(buffer, 0, n);
            }
            return sig.verify();
        } catch (PGPException e) {
            throw new BadSignatureException(Kind.MALFORMED, "the signature by key " + Keyring.keyId(sig.getKeyID())
                    + " cannot be checked: " + e.getMessage());
        } catch (IOException e) {
            throw AssetsException.failure("cannot read " + data + ": " + e.getMessage(), e);
        }
    }

    /** The signatures in a detached signature file. */
    static List<PGPSignature> read(Path signature) {
        List<PGPSignature> found = new ArrayList<>();
        try {
            if (Files.size(signature) > MAX_SIGNATURE_BYTES) {
                throw new BadSignatureException(Kind.MALFORMED, signature.getFileName() + " is " + Files.size(signature)
                        + " bytes, too large for a detached signature");
            }
            try (InputStream in = PGPUtil.getDecoderStream(Files.newInputStream(signature))) {
                BcPGPObjectFactory objects = new BcPGPObjectFactory(in);
                for (Object o = objects.nextObject(); o != null; o = objects.nextObject()) {
                    if (o instanceof PGPCompressedData c) {
                        objects = new BcPGPObjectFactory(c.getDataStream());
                    } else if (o instanceof PGPSignatureList list) {
                        list.forEach(found::add);
                    }
                }
            }
        } catch (IOException | PGPException | RuntimeException e) {
            if (e instanceof BadSignatureException b) {
                throw b;
            }
            throw new BadSignatureException(Kind.MALFORMED, signature.getFileName() + " is not an OpenPGP signature ("
                    + e.getMessage() + ")");
        }
        if (found.isEmpty()) {
            throw new BadSignatureException(Kind.MALFORMED, signature.getFileName() + " holds no OpenPGP signature");
        }
        return found;
    }
}
