package io.metalboot.pki;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.security.spec.ECGenParameterSpec;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The key to generate, as cfssl's {@code "key": {"algo": "ecdsa", "size": 256}}: ECDSA P-256 unless asked otherwise. */
public record KeySpec(Algorithm algorithm, int size) {
    public static final KeySpec DEFAULT = new KeySpec(Algorithm.ECDSA, 256);

    public enum Algorithm {
        ECDSA(List.of(256, 384, 521)), RSA(List.of(2048, 3072, 4096, 8192));

        private final List<Integer> sizes;

        Algorithm(List<Integer> sizes) {
            this.sizes = sizes;
        }

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The sizes this algorithm takes, e.g. "2048, 3072, 4096 or 8192". */
        String sizes() {
            List<String> s = sizes.stream().map(String::valueOf).toList();
            return String.join(", ", s.subList(0, s.size() - 1)) + " or " + s.get(s.size() - 1);
        }

        int defaultSize() {
            return sizes.get(0);
        }

        static Optional<Algorithm> of(String label) {
            return switch (label) {
                case "ecdsa" -> Optional.of(ECDSA);
                case "rsa" -> Optional.of(RSA);
                default -> Optional.empty();
            };
        }
    }

    public KeySpec {
        if (!algorithm.sizes.contains(size)) {
            throw PkiException.input(algorithm.label() + " keys of size " + size + " are not made (expected " + algorithm.sizes() + ")");
        }
    }

    /** Parses the CLI's {@code --key-algo}/{@code --key-size} pair; size 0 means the algorithm's default. */
    public static KeySpec of(String algo, int size) {
        Algorithm a = Algorithm.of(algo).orElseThrow(() -> PkiException.input(
                "--key-algo '" + algo + "' is not a key algorithm (expected ecdsa or rsa)"));
        if (size != 0 && !a.sizes.contains(size)) {
            throw PkiException.input("--key-size " + size + " is not a size for " + a.label() + " keys (expected " + a.sizes() + ")");
        }
        return new KeySpec(a, size == 0 ? a.defaultSize() : size);
    }

    /** A fresh key pair. */
    KeyPair generate() {
        try {
            if (algorithm == Algorithm.RSA) {
                KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
                g.initialize(size);
                return g.generateKeyPair();
            }
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp" + size + "r1"));
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw PkiException.failure("cannot generate a " + this + " key: " + e.getMessage(), e);
        }
    }

    /** cfssl's choice of signature algorithm for a signing key (Go's DefaultSigAlgo). */
    static String signatureAlgorithm(PrivateKey key) {
        if (key instanceof ECKey ec) {
            int bits = ec.getParams().getOrder().bitLength();
            return bits > 384 ? "SHA512withECDSA" : bits > 256 ? "SHA384withECDSA" : "SHA256withECDSA";
        }
        if (key instanceof RSAKey rsa) {
            int bits = rsa.getModulus().bitLength();
            return bits >= 4096 ? "SHA512withRSA" : bits >= 3072 ? "SHA384withRSA" : "SHA256withRSA";
        }
        throw PkiException.input("a " + key.getAlgorithm() + " key cannot sign certificates here (expected an ECDSA or RSA key)");
    }

    @Override
    public String toString() {
        return algorithm.label() + "-" + size;
    }
}
