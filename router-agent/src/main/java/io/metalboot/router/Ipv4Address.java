package io.metalboot.router;

import java.util.Optional;

/**
 * An IPv4 address parsed once at the edge. Only the strict dotted quad is accepted (four decimal
 * octets 0..255, no leading zeros), which is what both Vyatta's {@code ipv4} type and OpenWrt's
 * {@code str2ip} accept.
 */
public record Ipv4Address(int bits) implements Comparable<Ipv4Address> {

    /** Parses {@code 192.168.1.1}; empty when the text is not a dotted quad. */
    public static Optional<Ipv4Address> tryParse(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        int bits = 0;
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)
                    || (part.length() > 1 && part.charAt(0) == '0')) {
                return Optional.empty();
            }
            int octet = Integer.parseInt(part);
            if (octet > 255) {
                return Optional.empty();
            }
            bits = (bits << 8) | octet;
        }
        return Optional.of(new Ipv4Address(bits));
    }

    /** Parses {@code 192.168.1.1} or throws, naming the value and the expected form. */
    public static Ipv4Address parse(String text) {
        return tryParse(text).orElseThrow(() -> new RouterAgentException(
                "'" + text + "' is not an IPv4 address (expected a dotted quad such as 192.168.1.1)"));
    }

    /** The address {@code offset} positions further on (wrapping like the 32-bit arithmetic of the routers' scripts). */
    public Ipv4Address plus(long offset) {
        return new Ipv4Address((int) (unsigned() + offset));
    }

    /** The address as an unsigned number, 0..2^32-1. */
    public long unsigned() {
        return Integer.toUnsignedLong(bits);
    }

    @Override
    public int compareTo(Ipv4Address other) {
        return Integer.compareUnsigned(bits, other.bits);
    }

    @Override
    public String toString() {
        return (bits >>> 24) + "." + ((bits >>> 16) & 255) + "." + ((bits >>> 8) & 255) + "." + (bits & 255);
    }
}
