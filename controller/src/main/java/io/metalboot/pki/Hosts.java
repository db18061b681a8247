package io.metalboot.pki;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.util.IPAddress;

/** cfssl's {@code hosts}: each entry an IP address SAN when it is an IP literal, a DNS SAN otherwise. */
public record Hosts(List<String> dnsNames, List<String> ipAddresses) {
    static final Hosts NONE = new Hosts(List.of(), List.of());
    private static final Pattern DNS = Pattern.compile(
            "(\\*\\.)?[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?(\\.[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?)*");

    public Hosts {
        dnsNames = List.copyOf(dnsNames);
        ipAddresses = List.copyOf(ipAddresses);
        dnsNames.forEach(d -> Subject.refuseControl("host", d));
        ipAddresses.forEach(ip -> Subject.refuseControl("host", ip));
    }

    /** True for an IPv4 or IPv6 literal; never resolves a name. */
    static boolean isIp(String host) {
        return IPAddress.isValid(host);
    }

    static boolean isDnsName(String host) {
        return host.length() <= 253 && DNS.matcher(host).matches();
    }

    /** Splits a list of hosts; the caller has checked each with {@link #isIp} or {@link #isDnsName}. */
    public static Hosts of(List<String> hosts) {
        List<String> dns = new ArrayList<>();
        List<String> ips = new ArrayList<>();
        for (String h : hosts) {
            Subject.refuseControl("host", h);
            if (isIp(h)) {
                if (!ips.contains(h)) {
                    ips.add(h);
                }
            } else if (isDnsName(h)) {
                if (!dns.contains(h)) {
                    dns.add(h);
                }
            } else {
                throw PkiException.input("host '" + h + "' is neither an IP address nor a DNS name (expected e.g. kubernetes.default or 10.3.0.1)");
            }
        }
        return new Hosts(dns, ips);
    }

    boolean isEmpty() {
        return dnsNames.isEmpty() && ipAddresses.isEmpty();
    }

    /** The SAN extension's value: DNS names first, then IP addresses, as Go writes them. */
    GeneralNames generalNames() {
        List<GeneralName> names = new ArrayList<>();
        dnsNames.forEach(d -> names.add(new GeneralName(GeneralName.dNSName, d)));
        ipAddresses.forEach(ip -> names.add(new GeneralName(GeneralName.iPAddress, ip)));
        return new GeneralNames(names.toArray(GeneralName[]::new));
    }
}
