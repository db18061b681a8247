package io.metalboot.pki;

import java.security.KeyPair;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/** What {@code cfssl gencert} prints: the certificate, its new key and the CSR made with it. */
public record Issued(X509CertificateHolder certificate, KeyPair keyPair, PKCS10CertificationRequest csr) {
    public String certificatePem() {
        return Pem.certificate(certificate);
    }

    public String csrPem() {
        return Pem.csr(csr);
    }

    /** The private key in PEM; a secret: write it to a 0600 file or stdout, never to a log. */
    public String keyPem() {
        return Pem.privateKey(keyPair);
    }

    @Override
    public String toString() {
        return "Issued[" + certificate.getSubject() + "]";
    }
}
