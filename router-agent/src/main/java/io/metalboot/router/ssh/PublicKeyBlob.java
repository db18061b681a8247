package io.metalboot.router.ssh;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/** An SSH public key in wire form (RFC 4253 6.6): the algorithm name, then the key's own fields. */
record PublicKeyBlob(byte[] bytes) {
    PublicKeyBlob {
        bytes = bytes.clone();
    }

    /** Decodes the base64 key field of a known_hosts or authorized_keys line; empty if it is not base64. */
    static Optional<PublicKeyBlob> fromBase64(String text) {
        try {
            return Optional.of(new PublicKeyBlob(Base64.getDecoder().decode(text)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The algorithm name the blob starts with, e.g. {@code ssh-ed25519}; {@code unknown} if malformed. */
    String type() {
        if (bytes.length < 4) {
            return "unknown";
        }
        int length = ByteBuffer.wrap(bytes, 0, 4).getInt();
        if (length <= 0 || length > bytes.length - 4) {
            return "unknown";
        }
        return new String(bytes, 4, length, StandardCharsets.US_ASCII);
    }

    /** {@code SHA256:} and the unpadded base64 of the blob's SHA-256, exactly as {@code ssh-keygen -lf} prints it. */
    String fingerprint() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    String base64() {
        return Base64.getEncoder().encodeToString(bytes);
    }

    boolean sameKey(PublicKeyBlob other) {
        return MessageDigest.isEqual(bytes, other.bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PublicKeyBlob p && Arrays.equals(bytes, p.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return type() + " " + fingerprint();
    }
}
