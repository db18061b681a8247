package io.metalboot.pki;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.CertException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;

/** What {@code pki check} shows of a certificate: subject, SANs, expiry, and whether a CA signed it. */
public record CertificateInfo(Path file, X509CertificateHolder certificate) {
    public static CertificateInfo read(Path file) {
        return new CertificateInfo(file, Pem.readCertificate(file));
    }

    public String subject() {
        return certificate.getSubject().toString();
    }

    public Instant notAfter() {
        return certificate.getNotAfter().toInstant();
    }

    public boolean isCa() {
        BasicConstraints bc = BasicConstraints.fromExtensions(certificate.getExtensions());
        return bc != null && bc.isCA();
    }

    /** The SANs, DNS names then IP addresses, as {@code DNS:kubernetes} and {@code IP:10.3.0.1}. */
    public List<String> subjectAltNames() {
        List<String> out = new ArrayList<>();
        dnsNames().forEach(d -> out.add("DNS:" + d));
        ipAddresses().forEach(ip -> out.add("IP:" + ip));
        return out;
    }

    List<String> dnsNames() {
        return names(GeneralName.dNSName).stream().map(n -> n.getName().toString()).toList();
    }

    List<String> ipAddresses() {
        return names(GeneralName.iPAddress).stream().map(n -> ip(ASN1OctetString.getInstance(n.getName()).getOctets())).toList();
    }

    private List<GeneralName> names(int tag) {
        GeneralNames names = GeneralNames.fromExtensions(certificate.getExtensions(),
                org.bouncycastle.asn1.x509.Extension.subjectAlternativeName);
        if (names == null) {
            return List.of();
        }
        return List.of(names.getNames()).stream().filter(n -> n.getTagNo() == tag).toList();
    }

    private static String ip(byte[] octets) {
        try {
            return InetAddress.getByAddress(octets).getHostAddress();
        } catch (UnknownHostException e) {
            return "invalid(" + octets.length + " bytes)";
        }
    }

    /** Days left until expiry at {@code now}; negative once expired. */
    public long daysLeft(Instant now) {
        return Duration.between(now, notAfter()).toDays() - (now.isAfter(notAfter()) ? 1 : 0);
    }

    /** True when {@code ca}'s public key verifies this certificate's signature. */
    public boolean signedBy(X509CertificateHolder ca) {
        try {
            return certificate.getIssuer().equals(ca.getSubject())
                    && certificate.isSignatureValid(new JcaContentVerifierProviderBuilder().build(ca));
        } catch (CertException | OperatorCreationException | java.security.cert.CertificateException e) {
            return false;
        }
    }

    /** How this certificate differs from what {@code req} asks for: subject and SANs. */
    List<String> differences(CertificateRequest req) {
        List<String> out = new ArrayList<>();
        if (!certificate.getSubject().equals(req.subject().x500())) {
            out.add("subject " + subject() + ", wanted " + req.subject().x500());
        }
        List<String> wantedIps = req.hosts().ipAddresses().stream().map(CertificateInfo::normalIp).toList();
        if (!new HashSet<>(dnsNames()).equals(new HashSet<>(req.hosts().dnsNames()))
                || !new HashSet<>(ipAddresses()).equals(new HashSet<>(wantedIps))) {
            List<String> wanted = new ArrayList<>();
            req.hosts().dnsNames().forEach(d -> wanted.add("DNS:" + d));
            wantedIps.forEach(ip -> wanted.add("IP:" + ip));
            out.add("SANs " + String.join(",", subjectAltNames()) + ", wanted " + String.join(",", wanted));
        }
        return out;
    }

    private static String normalIp(String literal) {
        try {
            return InetAddress.getByName(literal).getHostAddress(); // a literal: no lookup
        } catch (UnknownHostException e) {
            return literal;
        }
    }
}
