package io.metalboot.assets;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPPublicKeyRingCollection;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.operator.bc.BcKeyFingerprintCalculator;

/**
 * The OpenPGP public keys a download must be signed with. The bundled one is Flatcar's image signing
 * key, as embedded in Flatcar's own {@code flatcar-install} (github.com/flatcar/init,
 * bin/flatcar-install): primary key F88CFEDEFF29A5B4D9523864E25D9AED0593B34A, releases signed by
 * its yearly signing subkeys.
 */
public final class Keyring {
    static final String FLATCAR_RESOURCE = "/metalboot/keys/flatcar-image-signing-key.asc";

    private final String source;
    private final List<PGPPublicKeyRing> rings;

    private Keyring(String source, List<PGPPublicKeyRing> rings) {
        this.source = source;
        this.rings = List.copyOf(rings);
    }

    /** Flatcar's image signing key, shipped with metalboot. */
    public static Keyring flatcar() {
        try (InputStream in = Keyring.class.getResourceAsStream(FLATCAR_RESOURCE)) {
            if (in == null) {
                throw AssetsException.failure("the bundled Flatcar image signing key (" + FLATCAR_RESOURCE + ") is missing from"
                        + " metalboot's class path; pass the key with --key FILE (https://www.flatcar.org/security/image-signing-key/)");
            }
            return parse("the bundled Flatcar image signing key", "the bundled Flatcar image signing key", in);
        } catch (AssetsException e) {
            throw AssetsException.failure(e.getMessage() + "; pass the key with --key FILE (https://www.flatcar.org/security/image-signing-key/)", e);
        } catch (IOException e) {
            throw AssetsException.failure("cannot read the bundled Flatcar image signing key: " + e.getMessage(), e);
        }
    }

    /** The public keys in {@code file} (armored or binary), e.g. from {@code gpg --export --armor KEYID}. */
    public static Keyring read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(file.toString(), "--key " + file, in);
        } catch (NoSuchFileException e) {
            throw AssetsException.input("--key " + file + ": no such file", e);
        } catch (IOException e) {
            throw AssetsException.input("--key " + file + ": cannot read it: " + e.getMessage(), e);
        }
    }

    /** The keys in {@code in}; {@code source} names them in messages, {@code label} in parse errors. */
    static Keyring parse(String source, String label, InputStream in) {
        List<PGPPublicKeyRing> found = new ArrayList<>();
        try {
            PGPPublicKeyRingCollection collection = new PGPPublicKeyRingCollection(PGPUtil.getDecoderStream(in),
                    new BcKeyFingerprintCalculator());
            collection.getKeyRings().forEachRemaining(found::add);
        } catch (IOException | PGPException | RuntimeException e) {
            throw AssetsException.input(label + " is not an OpenPGP public key (" + e.getMessage()
                    + "); export one with: gpg --export --armor KEYID > key.asc", e);
        }
        if (found.isEmpty()) {
            throw AssetsException.input(label + " holds no OpenPGP public key; export one with: gpg --export --armor KEYID > key.asc");
        }
        return new Keyring(source, found);
    }

    /** Where the keys came from: a file name, or the bundled key. */
    public String source() {
        return source;
    }

    /** The primary keys' fingerprints, upper-case hex. */
    public List<String> fingerprints() {
        return rings.stream().map(r -> fingerprint(r.getPublicKey())).toList();
    }

    /** The key with this id and the ring it belongs to. */
    Optional<Signer> find(long keyId) {
        for (PGPPublicKeyRing ring : rings) {
            PGPPublicKey key = ring.getPublicKey(keyId);
            if (key != null) {
                return Optional.of(new Signer(ring, key));
            }
        }
        return Optional.empty();
    }

    /** What the keyring holds, for messages: {@code F88C… (Flatcar Buildbot …) and 10 subkeys}. */
    String describe() {
        List<String> parts = new ArrayList<>();
        for (PGPPublicKeyRing ring : rings) {
            int subkeys = 0;
            for (Iterator<PGPPublicKey> it = ring.getPublicKeys(); it.hasNext(); ) {
                if (!it.next().isMasterKey()) {
                    subkeys++;
                }
            }
            parts.add(fingerprint(ring.getPublicKey()) + userId(ring.getPublicKey()).map(u -> " (" + u + ")").orElse("")
                    + " with " + subkeys + (subkeys == 1 ? " subkey" : " subkeys"));
        }
        return String.join(", ", parts);
    }

    /** A key found in the keyring: itself (primary or subkey) and its ring. */
    record Signer(PGPPublicKeyRing ring, PGPPublicKey key) {
        PGPPublicKey primary() {
            return ring.getPublicKey();
        }

        /** {@code subkey 32DA80F91EF52974 of F88C…B34A (Flatcar Buildbot …)} or {@code key … (…)}. */
        String describe() {
            String owner = userId(primary()).map(u -> " (" + u + ")").orElse("");
            return key.isMasterKey() ? "key " + fingerprint(key) + owner
                    : "subkey " + keyId(key.getKeyID()) + " of " + fingerprint(primary()) + owner;
        }
    }

    static String keyId(long id) {
        return HexFormat.of().withUpperCase().toHexDigits(id);
    }

    static String fingerprint(PGPPublicKey key) {
        return HexFormat.of().formatHex(key.getFingerprint()).toUpperCase(Locale.ROOT);
    }

    static Optional<String> userId(PGPPublicKey key) {
        Iterator<String> ids = key.getUserIDs();
        return ids.hasNext() ? Optional.of(ids.next()) : Optional.empty();
    }
}
