package io.metalboot.router.dhcp;

import java.util.Optional;

/** An IPv4 address in dotted-quad form, held as an unsigned 32-bit value. */
public record Ipv4Address(long bits) implements Comparable<Ipv4Address> {
    public Ipv4Address {
        if (bits < 0 || bits > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("not a 32-bit address: " + bits);
        }
    }

    /** Parses strict dotted-quad text (four decimal octets, no leading zeros); empty otherwise. */
    public static Optional<Ipv4Address> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String[] parts = text.trim().split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        long bits = 0;
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)
                    || (p.length() > 1 && p.charAt(0) == '0')) {
                return Optional.empty();
            }
            int octet = Integer.parseInt(p);
            if (octet > 255) {
                return Optional.empty();
            }
            bits = (bits << 8) | octet;
        }
        return Optional.of(new Ipv4Address(bits));
    }

    public Ipv4Address plus(long delta) {
        return new Ipv4Address(bits + delta);
    }

    @Override
    public int compareTo(Ipv4Address o) {
        return Long.compare(bits, o.bits);
    }

    @Override
    public String toString() {
        return ((bits >> 24) & 255) + "." + ((bits >> 16) & 255) + "." + ((bits >> 8) & 255) + "." + (bits & 255);
    }
}
