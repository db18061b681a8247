package io.metalboot.assets;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.bcpg.sig.RevocationReason;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.PGPSignatureSubpacketVector;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentVerifierBuilderProvider;

/**
 * Whether a key could make a data signature at the time the signature says it was made, as gpg
 * judges it: the primary key's self-signature and, for a subkey, the primary's binding signature and
 * the subkey's own back-signature must verify; the key must be allowed to sign, created before and
 * not expired at the signature time, and not revoked (a key retired or superseded stays good for what
 * it signed before). So a release signed by last year's subkey still verifies after that subkey
 * expired, the way Flatcar rotates its signing subkeys every year.
 */
final class SigningKeyCheck {
    private static final BcPGPContentVerifierBuilderProvider VERIFIERS = new BcPGPContentVerifierBuilderProvider();

    private SigningKeyCheck() {
    }

    /** Why {@code signer} could not have made a signature at {@code signedAt}, if it could not. */
    static Optional<String> problem(Keyring.Signer signer, Instant signedAt) {
        PGPPublicKey primary = signer.primary();
        PGPPublicKey key = signer.key();
        Optional<String> revoked = revocation(primary.getSignaturesOfType(PGPSignature.KEY_REVOCATION), primary, null, signedAt);
        if (revoked.isPresent()) {
            return Optional.of("the primary key " + revoked.get());
        }
        Optional<PGPSignature> self = newest(selfSignatures(primary));
        if (self.isEmpty()) {
            return Optional.of("the primary key has no valid self-signature");
        }
        Optional<String> primaryTime = lifetime(primary, self.get(), signedAt);
        if (primaryTime.isPresent()) {
            return Optional.of("the primary key " + primaryTime.get());
        }
        if (key.isMasterKey()) {
            return canSign(self.get()) ? Optional.empty() : Optional.of("the primary key is not allowed to sign data (key flags)");
        }
        Optional<String> subRevoked = revocation(key.getSignaturesOfType(PGPSignature.SUBKEY_REVOCATION), primary, key, signedAt);
        if (subRevoked.isPresent()) {
            return subRevoked;
        }
        List<PGPSignature> bindings = new ArrayList<>();
        for (Iterator<PGPSignature> it = key.getSignaturesOfType(PGPSignature.SUBKEY_BINDING); it.hasNext(); ) {
            PGPSignature b = it.next();
            if (verifies(b, primary, primary, key) && backSigned(b, primary, key)) {
                bindings.add(b);
            }
        }
        Optional<PGPSignature> binding = newest(bindings);
        if (binding.isEmpty()) {
            return Optional.of("is not bound to its primary key by valid signatures (binding and back-signature)");
        }
        if (!canSign(binding.get())) {
            return Optional.of("is not allowed to sign data (key flags)");
        }
        return lifetime(key, binding.get(), signedAt);
    }

    /** Created before {@code at} and, per {@code selfSig}'s key expiration time, not expired at it. */
    private static Optional<String> lifetime(PGPPublicKey key, PGPSignature selfSig, Instant at) {
        Instant created = key.getCreationTime().toInstant();
        if (at.isBefore(created)) {
            return Optional.of("was created on " + day(created) + ", after the signature's date " + day(at));
        }
        long seconds = selfSig.getHashedSubPackets() == null ? 0 : selfSig.getHashedSubPackets().getKeyExpirationTime();
        if (seconds > 0 && !at.isBefore(created.plusSeconds(seconds))) {
            return Optional.of("expired on " + day(created.plusSeconds(seconds)) + ", before the signature's date " + day(at));
        }
        return Optional.empty();
    }

    /**
     * A revocation by the primary key (of itself, or of {@code subkey} when not null) that applies at
     * {@code at}: any hard one, a soft one (superseded, retired) only from its date on.
     */
    private static Optional<String> revocation(Iterator<PGPSignature> revocations, PGPPublicKey primary, PGPPublicKey subkey,
            Instant at) {
        while (revocations.hasNext()) {
            PGPSignature r = revocations.next();
            if (!verifies(r, primary, primary, subkey)) {
                continue;
            }
            Instant when = r.getCreationTime().toInstant();
            if (r.isHardRevocation() || !at.isBefore(when)) {
                RevocationReason reason = r.getHashedSubPackets() == null ? null : r.getHashedSubPackets().getRevocationReason();
                String why = reason == null ? "" : " (" + reasonText(reason) + ")";
                return Optional.of("was revoked on " + day(when) + why);
            }
        }
        return Optional.empty();
    }

    private static String reasonText(RevocationReason reason) {
        String text = switch (reason.getRevocationReason()) {
            case 1 -> "key superseded";
            case 2 -> "key compromised";
            case 3 -> "key retired";
            default -> "no reason given";
        };
        String detail = reason.getRevocationDescription();
        return detail == null || detail.isBlank() ? text : text + ": " + detail;
    }

    /** The primary key's verified certifications of its user IDs and direct-key signatures. */
    private static List<PGPSignature> selfSignatures(PGPPublicKey primary) {
        List<PGPSignature> valid = new ArrayList<>();
        for (Iterator<String> ids = primary.getUserIDs(); ids.hasNext(); ) {
            String id = ids.next();
            for (Iterator<PGPSignature> it = primary.getSignaturesForID(id); it.hasNext(); ) {
                PGPSignature s = it.next();
                if (s.isCertification() && s.getKeyID() == primary.getKeyID() && verifiesUserId(s, id, primary)) {
                    valid.add(s);
                }
            }
        }
        for (Iterator<PGPSignature> it = primary.getSignaturesOfType(PGPSignature.DIRECT_KEY); it.hasNext(); ) {
            PGPSignature s = it.next();
            if (verifies(s, primary, primary, null)) {
                valid.add(s);
            }
        }
        return valid;
    }

    private static Optional<PGPSignature> newest(List<PGPSignature> signatures) {
        return signatures.stream().max((a, b) -> a.getCreationTime().compareTo(b.getCreationTime()));
    }

    private static boolean canSign(PGPSignature selfSig) {
        PGPSignatureSubpacketVector hashed = selfSig.getHashedSubPackets();
        return hashed == null || hashed.getKeyFlags() == 0 || (hashed.getKeyFlags() & KeyFlags.SIGN_DATA) != 0;
    }

    /** The signing subkey's own 0x19 signature over (primary, subkey), embedded in the binding. */
    private static boolean backSigned(PGPSignature binding, PGPPublicKey primary, PGPPublicKey subkey) {
        for (PGPSignatureSubpacketVector area : new PGPSignatureSubpacketVector[] {binding.getHashedSubPackets(), binding.getUnhashedSubPackets()}) {
            if (area == null) {
                continue;
            }
            try {
                PGPSignatureList embedded = area.getEmbeddedSignatures();
                for (PGPSignature e : embedded) {
                    if (e.getSignatureType() == PGPSignature.PRIMARYKEY_BINDING && verifies(e, subkey, primary, subkey)) {
                        return true;
                    }
                }
            } catch (PGPException e) {
                // a malformed embedded signature binds nothing
            }
        }
        return false;
    }

    /** Whether {@code sig} by {@code signer} verifies over the key itself or the (primary, subkey) pair. */
    private static boolean verifies(PGPSignature sig, PGPPublicKey signer, PGPPublicKey primary, PGPPublicKey subkey) {
        try {
            sig.init(VERIFIERS, signer);
            return subkey == null ? sig.verifyCertification(primary) : sig.verifyCertification(primary, subkey);
        } catch (PGPException | RuntimeException e) {
            return false;
        }
    }

    private static boolean verifiesUserId(PGPSignature sig, String id, PGPPublicKey primary) {
        try {
            sig.init(VERIFIERS, primary);
            return sig.verifyCertification(id, primary);
        } catch (PGPException | RuntimeException e) {
            return false;
        }
    }

    static String day(Instant t) {
        return LocalDate.ofInstant(t, ZoneOffset.UTC).toString();
    }
}
