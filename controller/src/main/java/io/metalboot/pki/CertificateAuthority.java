package io.metalboot.pki;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;

/** A CA certificate and its key, as {@code -ca ca.pem -ca-key ca-key.pem} name them. */
public record CertificateAuthority(X509CertificateHolder certificate, PrivateKey key) {
    public CertificateAuthority {
        if (!BasicConstraints.fromExtensions(certificate.getExtensions()).isCA()) {
            throw PkiException.input("the certificate of " + certificate.getSubject() + " is not a CA (its basic constraints"
                    + " say CA:FALSE); pass the CA's own certificate, e.g. ca.pem from gencert -initca");
        }
    }

    /** Loads and checks the pair: the key must belong to the certificate. */
    public static CertificateAuthority load(Path certFile, Path keyFile) {
        X509CertificateHolder cert = Pem.readCertificate(certFile);
        if (cert.getExtension(Extension.basicConstraints) == null
                || !BasicConstraints.fromExtensions(cert.getExtensions()).isCA()) {
            throw PkiException.input(certFile + ": not a CA certificate (no basic constraints CA:TRUE);"
                    + " pass the CA's own certificate, e.g. ca.pem from gencert -initca");
        }
        PrivateKey key = Pem.readPrivateKey(keyFile);
        if (!matches(cert, key)) {
            throw PkiException.input(keyFile + ": this key does not belong to " + certFile
                    + " (a test signature does not verify with the certificate's public key); pass the matching pair");
        }
        return new CertificateAuthority(cert, key);
    }

    /** The instant the CA's certificate stops being valid. */
    public java.time.Instant notAfter() {
        return certificate.getNotAfter().toInstant();
    }

    /**
     * Refuses a CA that has expired at {@code now}: whatever it signs, clients reject. Exit 1 with the
     * way out, since nothing in the input is wrong.
     */
    public void refuseExpired(java.time.Instant now) {
        if (!notAfter().isAfter(now)) {
            throw PkiException.failure("the CA " + certificate.getSubject() + " expired on " + notAfter() + "; whatever it signs,"
                    + " clients reject (openssl verify: certificate has expired). Make a new CA: metalboot pki cluster"
                    + " --renew ca --force (every certificate is then reissued), or gencert -initca for one made by hand");
        }
    }

    /** True when {@code key} signs what the certificate's public key verifies. */
    static boolean matches(X509CertificateHolder cert, PrivateKey key) {
        try {
            String alg = KeySpec.signatureAlgorithm(key);
            byte[] probe = "metalboot key check".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            Signature s = Signature.getInstance(alg);
            s.initSign(key);
            s.update(probe);
            byte[] sig = s.sign();
            Signature v = Signature.getInstance(alg);
            v.initVerify(new JcaX509CertificateConverter().getCertificate(cert).getPublicKey());
            v.update(probe);
            return v.verify(sig);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }
}
