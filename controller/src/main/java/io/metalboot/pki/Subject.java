package io.metalboot.pki;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;

/**
 * A certificate subject as cfssl builds it from {@code CN} and {@code names[]}: the values of each
 * attribute across all entries, in Go's order (C, ST, L, O, OU, CN), several values of one
 * attribute sharing one RDN, PrintableString where possible and UTF8String otherwise.
 */
public record Subject(String commonName, List<Name> names) {
    /** One entry of cfssl's {@code names[]}; an empty string is an absent attribute. */
    public record Name(String c, String st, String l, String o, String ou) {
        public static Name organization(String o) {
            return new Name("", "", "", o, "");
        }
    }

    public Subject {
        names = List.copyOf(names);
        refuseControl("CN", commonName);
        for (Name n : names) {
            for (String v : List.of(n.c(), n.st(), n.l(), n.o(), n.ou())) {
                refuseControl("names[]", v);
            }
        }
    }

    /** A name with a newline, NUL or other control character would print as something else than it is: refused. */
    static void refuseControl(String field, String value) {
        if (value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw PkiException.input(field + " '" + value.replaceAll("[\\x00-\\x1f\\x7f]", "?") + "' holds a control character"
                    + " (newline, NUL, …), which a certificate name may not; remove it");
        }
    }

    X500Name x500() {
        List<RDN> rdns = new ArrayList<>();
        add(rdns, BCStyle.C, Name::c);
        add(rdns, BCStyle.ST, Name::st);
        add(rdns, BCStyle.L, Name::l);
        add(rdns, BCStyle.O, Name::o);
        add(rdns, BCStyle.OU, Name::ou);
        if (!commonName.isEmpty()) {
            rdns.add(new RDN(new AttributeTypeAndValue(BCStyle.CN, string(commonName))));
        }
        return new X500Name(rdns.toArray(RDN[]::new));
    }

    private void add(List<RDN> rdns, ASN1ObjectIdentifier type, Function<Name, String> field) {
        List<AttributeTypeAndValue> values = names.stream().map(field).filter(v -> !v.isEmpty())
                .map(v -> new AttributeTypeAndValue(type, string(v))).toList();
        if (!values.isEmpty()) {
            rdns.add(new RDN(values.toArray(AttributeTypeAndValue[]::new)));
        }
    }

    private static ASN1Encodable string(String value) {
        return DERPrintableString.isPrintableString(value) ? new DERPrintableString(value) : new DERUTF8String(value);
    }
}
