package io.metalboot.router;

import java.util.Optional;

/**
 * An interface address with its prefix, {@code 192.168.1.1/24}: the host part is kept, so the
 * same type describes an interface (OpenWrt's {@code lan} at 192.168.1.1/24) and a network
 * (EdgeOS's {@code subnet 192.168.1.0/24}).
 */
public record Ipv4Subnet(Ipv4Address address, int prefixLength) {

    public Ipv4Subnet {
        if (prefixLength < 0 || prefixLength > 32) {
            throw new RouterAgentException("prefix length " + prefixLength + " is out of range (expected 0..32)");
        }
    }

    /** Parses {@code 192.168.1.1/24}; empty when it is not address/prefix. */
    public static Optional<Ipv4Subnet> tryParse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        String prefix = text.substring(slash + 1);
        if (prefix.isEmpty() || prefix.length() > 2 || !prefix.chars().allMatch(Character::isDigit)
                || Integer.parseInt(prefix) > 32) {
            return Optional.empty();
        }
        return Ipv4Address.tryParse(text.substring(0, slash))
                .map(address -> new Ipv4Subnet(address, Integer.parseInt(prefix)));
    }

    /** Parses {@code 192.168.1.1/24} or throws, naming the value and the expected form. */
    public static Ipv4Subnet parse(String text) {
        return tryParse(text).orElseThrow(() -> new RouterAgentException(
                "'" + text + "' is not an IPv4 address with prefix (expected e.g. 192.168.1.1/24)"));
    }

    /** The netmask as an address, e.g. 255.255.255.0 for /24. */
    public Ipv4Address netmask() {
        return new Ipv4Address(prefixLength == 0 ? 0 : -1 << (32 - prefixLength));
    }

    /** The network address, host bits cleared. */
    public Ipv4Address network() {
        return new Ipv4Address(address.bits() & netmask().bits());
    }

    /** The broadcast address, host bits set. */
    public Ipv4Address broadcast() {
        return new Ipv4Address(network().bits() | ~netmask().bits());
    }

    /** Whether {@code candidate} lies inside this network (network and broadcast included). */
    public boolean contains(Ipv4Address candidate) {
        return network().compareTo(candidate) <= 0 && candidate.compareTo(broadcast()) <= 0;
    }

    /** Whether the whole of {@code other} lies inside this network. */
    public boolean contains(Ipv4Subnet other) {
        return other.prefixLength >= prefixLength && contains(other.network());
    }

    @Override
    public String toString() {
        return address + "/" + prefixLength;
    }
}
