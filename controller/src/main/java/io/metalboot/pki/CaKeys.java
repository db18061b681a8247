package io.metalboot.pki;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * Tells a CA's private key by what it is, not by its name: the private keys in a PEM text are checked
 * against every CA certificate in the given directories (a test signature verifies with the CA's
 * public key), so a link, hard link or renamed copy of {@code ca-key.pem} is still recognised.
 */
public final class CaKeys {
    /** Files larger than this are not read as certificates (a CA bundle is a few KB). */
    static final long MAX_CERT_FILE = 1 << 20;

    private CaKeys() {
    }

    /** A CA certificate found on disk, with the file it came from. */
    public record Ca(Path file, String subject) {
    }

    /** A CA certificate in a file. */
    public record CaCert(Path file, X509CertificateHolder cert) {
    }

    /** The CA certificates in {@code dirs} (not recursive), in directory then name order. */
    public static List<CaCert> scan(List<Path> dirs) {
        List<CaCert> out = new ArrayList<>();
        for (Path dir : dirs) {
            for (Path file : files(dir)) {
                for (X509CertificateHolder cert : caCertificates(file)) {
                    out.add(new CaCert(file, cert));
                }
            }
        }
        return out;
    }

    /** The CA among the certificates in {@code dirs} (not recursive) whose key {@code pem} holds; empty when none. */
    public static Optional<Ca> owner(String pem, List<Path> dirs) {
        return ownerAmong(pem, scan(dirs));
    }

    /** The CA among {@code cas} (from {@link #scan}) whose key {@code pem} holds; empty when none. */
    public static Optional<Ca> ownerAmong(String pem, List<CaCert> cas) {
        List<PrivateKey> keys = privateKeys(pem);
        for (CaCert ca : cas) {
            for (PrivateKey key : keys) {
                if (CertificateAuthority.matches(ca.cert(), key)) {
                    return Optional.of(new Ca(ca.file(), subject(ca.cert())));
                }
            }
        }
        return Optional.empty();
    }

    private static String subject(X509CertificateHolder cert) {
        try {
            return new JcaX509CertificateConverter().getCertificate(cert).getSubjectX500Principal().getName();
        } catch (java.security.cert.CertificateException e) {
            return cert.getSubject().toString();
        }
    }

    /** The files of {@code dir} that may hold certificates, in name order; none when it is no directory. */
    public static List<Path> files(Path dir) {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path p : s) {
                if (Files.isRegularFile(p) && Files.size(p) <= MAX_CERT_FILE) {
                    out.add(p);
                }
            }
        } catch (IOException e) {
            // an unreadable directory holds nothing we can compare with
        }
        out.sort(null);
        return out;
    }

    /** A file's CA certificates as parsed when the file was as stamped (size, time, inode). */
    private record Parsed(long size, java.nio.file.attribute.FileTime modified, Object inode, List<X509CertificateHolder> cas) {
    }

    /** At most this many files' parses are kept; then it starts over. */
    static final int MAX_PARSED = 100_000;
    /**
     * Parsed files, so a key checked against a pki/ of thousands of certificates stats each file instead of reading and
     * parsing it every time (for 500 machines, ~15,000 certificate parses per Ignition translated).
     */
    private static final java.util.concurrent.ConcurrentHashMap<Path, Parsed> PARSED = new java.util.concurrent.ConcurrentHashMap<>();

    private static List<X509CertificateHolder> caCertificates(Path file) {
        java.nio.file.attribute.BasicFileAttributes a;
        try {
            a = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class);
        } catch (IOException e) {
            return List.of();
        }
        Parsed kept = PARSED.get(file);
        if (kept != null && kept.size() == a.size() && kept.modified().equals(a.lastModifiedTime())
                && java.util.Objects.equals(kept.inode(), a.fileKey())) {
            return kept.cas();
        }
        List<X509CertificateHolder> cas = parse(file);
        if (PARSED.size() >= MAX_PARSED) {
            PARSED.clear();
        }
        PARSED.put(file, new Parsed(a.size(), a.lastModifiedTime(), a.fileKey(), List.copyOf(cas)));
        return cas;
    }

    private static List<X509CertificateHolder> parse(Path file) {
        List<X509CertificateHolder> out = new ArrayList<>();
        try {
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            if (!text.contains("-----BEGIN CERTIFICATE-----")) {
                return out;
            }
            for (Object o : objects(text)) {
                if (o instanceof X509CertificateHolder c && c.getExtensions() != null
                        && BasicConstraints.fromExtensions(c.getExtensions()) != null
                        && BasicConstraints.fromExtensions(c.getExtensions()).isCA()) {
                    out.add(c);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not a readable certificate file: nothing to compare with
        }
        return out;
    }

    private static List<PrivateKey> privateKeys(String pem) {
        List<PrivateKey> out = new ArrayList<>();
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        for (Object o : objects(pem)) {
            try {
                if (o instanceof PEMKeyPair pair) {
                    out.add(converter.getKeyPair(pair).getPrivate());
                } else if (o instanceof PrivateKeyInfo info) {
                    out.add(converter.getPrivateKey(info));
                }
            } catch (IOException | RuntimeException e) {
                // a key we cannot read cannot be compared
            }
        }
        return out;
    }

    /** The PEM objects of a text, at most 64; what does not parse ends the list. */
    private static List<Object> objects(String text) {
        List<Object> out = new ArrayList<>();
        try (PEMParser p = new PEMParser(new StringReader(text))) {
            for (Object o = p.readObject(); o != null && out.size() < 64; o = p.readObject()) {
                out.add(o);
            }
        } catch (IOException | RuntimeException e) {
            // keep what parsed
        }
        return out;
    }
}
