package io.metalboot.inventory;

import io.metalboot.router.Ipv4Address;
import io.metalboot.router.Ipv4Subnet;
import io.metalboot.router.MacAddress;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Turns inventory scalars into typed values, reporting each bad value with what would be valid. */
final class Values {
    /** RFC 1123 label: valid as a hostname, an EdgeOS static-mapping, a uci value and a Kubernetes node name. */
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private final Problems problems;

    Values(Problems problems) {
        this.problems = problems;
    }

    Problems problems() {
        return problems;
    }

    Optional<MacAddress> mac(Scalar s) {
        Optional<MacAddress> mac = MacAddress.parse(s.value());
        if (mac.isEmpty()) {
            problems.add(s.line(), s.shown() + " is not a MAC address (expected six hex pairs, e.g. 00:00:00:00:00:11)");
        } else if (mac.get().isMulticast()) {
            problems.add(s.line(), s.shown() + " is a multicast address, which no network card has"
                    + " (the first octet must be even, e.g. 00:00:00:00:00:11)");
            return Optional.empty();
        }
        return mac;
    }

    Optional<Ipv4Address> ipv4(Scalar s) {
        Optional<Ipv4Address> ip = Ipv4Address.tryParse(s.value());
        if (ip.isEmpty()) {
            problems.add(s.line(), s.shown() + " is not an IPv4 address (expected four decimal octets 0-255, e.g. 192.168.1.201)");
        }
        return ip;
    }

    Optional<Ipv4Subnet> subnet(Scalar s) {
        Optional<Ipv4Subnet> net = Ipv4Subnet.tryParse(s.value());
        if (net.isPresent() && net.get().address().equals(net.get().network())) {
            return net;
        }
        if (net.isPresent()) {
            problems.add(s.line(), s.shown() + " has host bits set (did you mean "
                    + net.get().network() + "/" + net.get().prefixLength() + "?)");
        } else {
            problems.add(s.line(), s.shown() + " is not a CIDR subnet (expected network address/prefix length, e.g. 192.168.1.0/24)");
        }
        return Optional.empty();
    }

    Optional<Integer> integer(Scalar s, int min, int max) {
        if (s.value().matches("[0-9]{1,10}")) {
            long v = Long.parseLong(s.value());
            if (v >= min && v <= max) {
                return Optional.of((int) v);
            }
        }
        problems.add(s.line(), s.shown() + " is not a whole number between " + min + " and " + max);
        return Optional.empty();
    }

    /** One of {@code allowed} (case-sensitive, as written in the file). */
    Optional<String> oneOf(Scalar s, List<String> allowed) {
        if (allowed.contains(s.value())) {
            return Optional.of(s.value());
        }
        problems.add(s.line(), s.shown() + " is not one of " + String.join(", ", allowed)
                + Suggestions.closest(s.value(), allowed).map(x -> " (did you mean '" + x + "'?)").orElse(""));
        return Optional.empty();
    }

    /** A host name usable as EdgeOS static-mapping, uci value, DHCP host name and Kubernetes node name. */
    Optional<String> label(Scalar s) {
        if (LABEL.matcher(s.value()).matches()) {
            return Optional.of(s.value());
        }
        problems.add(s.line(), s.shown() + " is not a valid host name: use 1-63 lowercase letters, digits and"
                + " hyphens, starting and ending with a letter or digit (e.g. kube-worker-1)"
                + suggestLabel(s.value()).map(x -> "; did you mean '" + x + "'?").orElse(""));
        return Optional.empty();
    }

    private static Optional<String> suggestLabel(String v) {
        String fixed = v.toLowerCase().replaceAll("[^a-z0-9-]+", "-").replaceAll("^-+|-+$", "");
        if (fixed.length() > 63) {
            fixed = fixed.substring(0, 63).replaceAll("-+$", "");
        }
        return !fixed.isEmpty() && !fixed.equals(v) && LABEL.matcher(fixed).matches() ? Optional.of(fixed) : Optional.empty();
    }

    /** Non-empty text without control characters (it ends up in config files). */
    Optional<String> text(Scalar s) {
        if (s.value().isBlank()) {
            problems.add(s.line(), s.path() + " is empty; give a value or remove the field");
            return Optional.empty();
        }
        if (s.value().chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            problems.add(s.line(), s.path() + " contains a line break or control character; keep it on one line");
            return Optional.empty();
        }
        return Optional.of(s.value());
    }
}
