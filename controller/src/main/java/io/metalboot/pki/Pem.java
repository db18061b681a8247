package io.metalboot.pki;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMException;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * PEM as cfssl writes it: {@code CERTIFICATE}, {@code CERTIFICATE REQUEST}, and private keys in
 * their traditional forms, {@code EC PRIVATE KEY} (SEC 1 with the curve and public key, like Go's
 * MarshalECPrivateKey) and {@code RSA PRIVATE KEY} (PKCS #1). Reads those and PKCS #8 keys.
 */
final class Pem {
    private Pem() {
    }

    static String encode(String type, byte[] der) {
        StringWriter out = new StringWriter();
        try (PemWriter w = new PemWriter(out)) {
            w.writeObject(new PemObject(type, der));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static String certificate(X509CertificateHolder cert) {
        return encode("CERTIFICATE", der(cert.toASN1Structure()));
    }

    static String csr(PKCS10CertificationRequest csr) {
        return encode("CERTIFICATE REQUEST", der(csr.toASN1Structure()));
    }

    static String publicKey(PublicKey key) {
        return encode("PUBLIC KEY", key.getEncoded());
    }

    static String privateKey(KeyPair pair) {
        PrivateKey key = pair.getPrivate();
        if (key instanceof ECPrivateKey ec) {
            SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(pair.getPublic().getEncoded());
            var sec1 = new org.bouncycastle.asn1.sec.ECPrivateKey(ec.getParams().getOrder().bitLength(), ec.getS(),
                    spki.getPublicKeyData(), spki.getAlgorithm().getParameters());
            return encode("EC PRIVATE KEY", der(sec1));
        }
        try {
            return encode("RSA PRIVATE KEY", der(PrivateKeyInfo.getInstance(key.getEncoded()).parsePrivateKey()));
        } catch (IOException e) {
            throw PkiException.failure("cannot encode the new RSA key", e);
        }
    }

    private static byte[] der(ASN1Encodable value) {
        try {
            return value.toASN1Primitive().getEncoded("DER");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first certificate in a PEM file. */
    static X509CertificateHolder readCertificate(Path file) {
        Object o = first(file, CsrJson.readText(file), "a CERTIFICATE");
        if (o instanceof X509CertificateHolder c) {
            return c;
        }
        throw PkiException.input(file + ": holds " + describe(o) + ", not a certificate (expected -----BEGIN CERTIFICATE-----)");
    }

    /** The private key of a PEM key file (EC, RSA or PKCS #8); the message never shows key bytes. */
    static PrivateKey readPrivateKey(Path file) {
        Object o = first(file, CsrJson.readText(file), "a private key");
        try {
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            if (o instanceof PEMKeyPair pair) {
                return converter.getKeyPair(pair).getPrivate();
            }
            if (o instanceof PrivateKeyInfo info) {
                return converter.getPrivateKey(info);
            }
        } catch (PEMException e) {
            throw PkiException.input(file + ": the private key cannot be read (" + e.getMessage() + ")", e);
        }
        throw PkiException.input(file + ": holds " + describe(o) + ", not an unencrypted private key"
                + " (expected -----BEGIN EC PRIVATE KEY-----, RSA PRIVATE KEY or PRIVATE KEY)");
    }

    private static Object first(Path file, String text, String expected) {
        try (PEMParser p = new PEMParser(new StringReader(text))) {
            Object o = p.readObject();
            if (o == null) {
                throw PkiException.input(file + ": no PEM block found (expected " + expected + " in PEM form)");
            }
            return o;
        } catch (IOException e) {
            throw PkiException.input(file + ": not valid PEM (" + e.getClass().getSimpleName() + "); expected " + expected, e);
        }
    }

    private static String describe(Object o) {
        return switch (o) {
            case X509CertificateHolder c -> "a certificate";
            case PKCS10CertificationRequest r -> "a certificate request";
            case SubjectPublicKeyInfo k -> "a public key";
            case PEMKeyPair k -> "a private key";
            case PrivateKeyInfo k -> "a private key";
            default -> "a " + o.getClass().getSimpleName();
        };
    }
}
