package io.metalboot.router.dhcp;

import java.util.Optional;

/** An IPv4 network in CIDR form ({@code 192.168.1.0/24}); the address must be the network address. */
public record Ipv4Subnet(Ipv4Address network, int prefixLength) {
    public Ipv4Subnet {
        if (prefixLength < 0 || prefixLength > 32) {
            throw new IllegalArgumentException("prefix length out of range: " + prefixLength);
        }
        if ((network.bits() & ~mask(prefixLength)) != 0) {
            throw new IllegalArgumentException(network + " has host bits set for /" + prefixLength);
        }
    }

    /** Parses {@code A.B.C.D/N} whose host bits are zero; empty otherwise. */
    public static Optional<Ipv4Subnet> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String[] parts = text.trim().split("/", -1);
        if (parts.length != 2 || parts[1].isEmpty() || parts[1].length() > 2
                || !parts[1].chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        int prefix = Integer.parseInt(parts[1]);
        return Ipv4Address.parse(parts[0])
                .filter(a -> prefix <= 32 && (a.bits() & ~mask(prefix)) == 0)
                .map(a -> new Ipv4Subnet(a, prefix));
    }

    private static long mask(int prefix) {
        return prefix == 0 ? 0 : (0xFFFF_FFFFL << (32 - prefix)) & 0xFFFF_FFFFL;
    }

    public Ipv4Address netmask() {
        return new Ipv4Address(mask(prefixLength));
    }

    public Ipv4Address broadcast() {
        return new Ipv4Address(network.bits() | (~mask(prefixLength) & 0xFFFF_FFFFL));
    }

    public boolean contains(Ipv4Address a) {
        return (a.bits() & mask(prefixLength)) == network.bits();
    }

    /** True when {@code a} is inside the subnet and is neither its network nor its broadcast address. */
    public boolean isUsableHost(Ipv4Address a) {
        return contains(a) && (prefixLength >= 31 || (!a.equals(network) && !a.equals(broadcast())));
    }

    @Override
    public String toString() {
        return network + "/" + prefixLength;
    }
}
