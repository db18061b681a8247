package io.metalboot.pki;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;

/**
 * The usage names cfssl's {@code signing.profiles.*.usages} accept, each a key usage bit or an
 * extended key usage. {@code content committment} is cfssl's own spelling, kept so its files read.
 */
enum Usage {
    SIGNING("signing", KeyUsage.digitalSignature),
    DIGITAL_SIGNATURE("digital signature", KeyUsage.digitalSignature),
    CONTENT_COMMITMENT("content commitment", KeyUsage.nonRepudiation),
    CONTENT_COMMITTMENT("content committment", KeyUsage.nonRepudiation),
    KEY_ENCIPHERMENT("key encipherment", KeyUsage.keyEncipherment),
    KEY_AGREEMENT("key agreement", KeyUsage.keyAgreement),
    DATA_ENCIPHERMENT("data encipherment", KeyUsage.dataEncipherment),
    CERT_SIGN("cert sign", KeyUsage.keyCertSign),
    CRL_SIGN("crl sign", KeyUsage.cRLSign),
    ENCIPHER_ONLY("encipher only", KeyUsage.encipherOnly),
    DECIPHER_ONLY("decipher only", KeyUsage.decipherOnly),
    ANY("any", KeyPurposeId.anyExtendedKeyUsage),
    SERVER_AUTH("server auth", KeyPurposeId.id_kp_serverAuth),
    CLIENT_AUTH("client auth", KeyPurposeId.id_kp_clientAuth),
    CODE_SIGNING("code signing", KeyPurposeId.id_kp_codeSigning),
    EMAIL_PROTECTION("email protection", KeyPurposeId.id_kp_emailProtection),
    SMIME("s/mime", KeyPurposeId.id_kp_emailProtection),
    IPSEC_END_SYSTEM("ipsec end system", KeyPurposeId.id_kp_ipsecEndSystem),
    IPSEC_TUNNEL("ipsec tunnel", KeyPurposeId.id_kp_ipsecTunnel),
    IPSEC_USER("ipsec user", KeyPurposeId.id_kp_ipsecUser),
    TIMESTAMPING("timestamping", KeyPurposeId.id_kp_timeStamping),
    OCSP_SIGNING("ocsp signing", KeyPurposeId.id_kp_OCSPSigning),
    MICROSOFT_SGC("microsoft sgc", KeyPurposeId.getInstance(new ASN1ObjectIdentifier("1.3.6.1.4.1.311.10.3.3"))),
    NETSCAPE_SGC("netscape sgc", KeyPurposeId.getInstance(new ASN1ObjectIdentifier("2.16.840.1.113730.4.1")));

    private final String label;
    private final int keyUsageBit;
    private final Optional<KeyPurposeId> extended;

    Usage(String label, int keyUsageBit) {
        this.label = label;
        this.keyUsageBit = keyUsageBit;
        this.extended = Optional.empty();
    }

    Usage(String label, KeyPurposeId extended) {
        this.label = label;
        this.keyUsageBit = 0;
        this.extended = Optional.of(extended);
    }

    String label() {
        return label;
    }

    /** The KeyUsage bit, 0 for an extended key usage. */
    int keyUsageBit() {
        return keyUsageBit;
    }

    Optional<KeyPurposeId> extended() {
        return extended;
    }

    static Optional<Usage> of(String label) {
        return Arrays.stream(values()).filter(u -> u.label.equals(label)).findFirst();
    }

    /** Every valid name, for error messages. */
    static String valid() {
        return Arrays.stream(values()).map(u -> u.label).collect(Collectors.joining(", "));
    }
}
