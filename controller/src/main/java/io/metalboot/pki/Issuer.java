package io.metalboot.pki;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * Makes keys, CSRs and certificates the way {@code cfssl gencert} does: a 20-byte random serial,
 * not-before rounded to the minute and backdated five minutes, key usage critical, basic
 * constraints critical, subject key id (SHA-1 of the key), authority key id on signed certificates.
 */
public final class Issuer {
    private static final Duration BACKDATE = Duration.ofMinutes(5);
    /**
     * How much longer than its CA a certificate may stay valid without {@code outliveCa}: a day, so that certificates
     * made together with their CA with the same expiry (the seed's 87600h for both) are signed; a year-old CA then
     * refuses a ten-year leaf.
     */
    static final Duration OUTLIVE_SLACK = Duration.ofDays(1);
    private final Clock clock;
    private final boolean outliveCa;
    private final SecureRandom random = new SecureRandom();

    public Issuer(Clock clock) {
        this(clock, false);
    }

    /** {@code outliveCa}: sign a certificate that stays valid after its CA expires (refused otherwise). */
    public Issuer(Clock clock, boolean outliveCa) {
        this.clock = clock;
        this.outliveCa = outliveCa;
    }

    /** Refuses a CA that has expired now; see {@link CertificateAuthority#refuseExpired}. */
    public void checkCa(CertificateAuthority ca) {
        ca.refuseExpired(clock.instant());
    }

    /** {@code cfssl gencert -initca}: a new key and a self-signed CA certificate (cert sign, CRL sign). */
    public Issued initCa(CertificateRequest req) {
        KeyPair pair = req.key().generate();
        X500Name subject = req.subject().x500();
        CertificateRequest.CaOptions ca = req.caOptions();
        BasicConstraints bc = ca.pathLength().map(BasicConstraints::new).orElse(new BasicConstraints(true));
        X509CertificateHolder cert = build(subject, subject, pair.getPublic(), pair.getPrivate(), ca.expiry(),
                KeyUsage.keyCertSign | KeyUsage.cRLSign, List.of(), bc, null, req.hosts());
        return new Issued(cert, pair, csr(subject, pair, req.hosts()));
    }

    /** {@code cfssl gencert -ca -ca-key -config -profile}: a new key, its CSR, and a certificate the CA signed. */
    public Issued sign(CertificateRequest req, CertificateAuthority ca, SigningProfile profile) {
        checkCa(ca);
        Instant end = notBefore().plus(profile.expiry());
        if (end.isAfter(ca.notAfter().plus(OUTLIVE_SLACK)) && !outliveCa) {
            throw PkiException.failure("a certificate for " + req.subject().x500() + " valid until " + end + " would outlive its CA "
                    + ca.certificate().getSubject() + ", which expires on " + ca.notAfter() + "; clients stop accepting it then."
                    + " Renew the CA first (metalboot pki cluster --renew ca --force), shorten the profile's expiry, or pass"
                    + " --allow-outliving-ca to sign it anyway");
        }
        KeyPair pair = req.key().generate();
        X500Name subject = req.subject().x500();
        int bits = profile.usages().stream().mapToInt(Usage::keyUsageBit).reduce(0, (a, b) -> a | b);
        List<KeyPurposeId> eku = profile.usages().stream().flatMap(u -> u.extended().stream()).distinct().toList();
        X509CertificateHolder cert = build(ca.certificate().getSubject(), subject, pair.getPublic(), ca.key(), profile.expiry(),
                bits, eku, new BasicConstraints(false), ca.certificate(), req.hosts());
        return new Issued(cert, pair, csr(subject, pair, req.hosts()));
    }

    private X509CertificateHolder build(X500Name issuer, X500Name subject, PublicKey key, PrivateKey signer, Duration expiry,
            int keyUsage, List<KeyPurposeId> eku, BasicConstraints bc, X509CertificateHolder issuerCert, Hosts hosts) {
        Instant notBefore = notBefore();
        Instant notAfter = notBefore.plus(expiry);
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer, serial(), Date.from(notBefore),
                    Date.from(notAfter), subject, key);
            if (keyUsage != 0) {
                b.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage));
            }
            if (!eku.isEmpty()) {
                b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(eku.toArray(KeyPurposeId[]::new)));
            }
            b.addExtension(Extension.basicConstraints, true, bc);
            b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(key));
            if (issuerCert != null) {
                b.addExtension(Extension.authorityKeyIdentifier, false, new AuthorityKeyIdentifier(keyId(issuerCert, ext)));
            }
            if (!hosts.isEmpty()) {
                b.addExtension(Extension.subjectAlternativeName, false, hosts.generalNames());
            }
            return b.build(signer(signer));
        } catch (CertIOException | GeneralSecurityException e) {
            throw PkiException.failure("cannot build the certificate for " + subject + ": " + e.getMessage(), e);
        }
    }

    /** Now, rounded to the minute and backdated five minutes, as cfssl does. */
    private Instant notBefore() {
        long now = clock.instant().toEpochMilli();
        return Instant.ofEpochMilli(Math.floorDiv(now + 30_000, 60_000) * 60_000).minus(BACKDATE);
    }

    private static byte[] keyId(X509CertificateHolder cert, JcaX509ExtensionUtils ext) {
        SubjectKeyIdentifier ski = SubjectKeyIdentifier.fromExtensions(cert.getExtensions());
        return ski != null ? ski.getKeyIdentifier() : ext.createSubjectKeyIdentifier(cert.getSubjectPublicKeyInfo()).getKeyIdentifier();
    }

    private PKCS10CertificationRequest csr(X500Name subject, KeyPair pair, Hosts hosts) {
        try {
            var b = new JcaPKCS10CertificationRequestBuilder(subject, pair.getPublic());
            if (!hosts.isEmpty()) {
                b.addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest,
                        new Extensions(new Extension(Extension.subjectAlternativeName, false, hosts.generalNames().getEncoded())));
            }
            return b.build(signer(pair.getPrivate()));
        } catch (IOException e) {
            throw PkiException.failure("cannot build the CSR for " + subject + ": " + e.getMessage(), e);
        }
    }

    /** cfssl's serial: 20 random bytes, the top bit cleared so it stays positive. */
    private BigInteger serial() {
        byte[] bytes = new byte[20];
        random.nextBytes(bytes);
        bytes[0] &= 0x7f;
        return new BigInteger(1, bytes);
    }

    private static ContentSigner signer(PrivateKey key) {
        try {
            return new JcaContentSignerBuilder(KeySpec.signatureAlgorithm(key)).build(key);
        } catch (OperatorCreationException e) {
            throw PkiException.failure("cannot sign with a " + key.getAlgorithm() + " key: " + e.getMessage(), e);
        }
    }
}
