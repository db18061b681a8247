package io.metalboot.router;

import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An Ethernet MAC address, kept in the lowercase colon form routers and matchbox use
 * ({@code 00:00:00:00:00:01}). Accepts {@code :}, {@code -} and Cisco-style {@code .} separators
 * in any case, as matchbox does.
 */
public record MacAddress(String value) implements Comparable<MacAddress> {
    private static final Pattern CANONICAL = Pattern.compile("([0-9a-f]{2}:){5}[0-9a-f]{2}");
    private static final Pattern PAIRS = Pattern.compile("([0-9A-Fa-f]{2}:){5}[0-9A-Fa-f]{2}|([0-9A-Fa-f]{2}-){5}[0-9A-Fa-f]{2}");
    private static final Pattern DOTTED = Pattern.compile("([0-9A-Fa-f]{4}\\.){2}[0-9A-Fa-f]{4}");

    public MacAddress {
        if (value == null || !CANONICAL.matcher(value).matches()) {
            throw new IllegalArgumentException("not a canonical MAC address: " + value);
        }
    }

    /** Parses any accepted spelling; empty when {@code text} is not a MAC address. */
    public static Optional<MacAddress> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim();
        String hex;
        if (PAIRS.matcher(t).matches()) {
            hex = t.replaceAll("[:-]", "");
        } else if (DOTTED.matcher(t).matches()) {
            hex = t.replace(".", "");
        } else {
            return Optional.empty();
        }
        hex = hex.toLowerCase();
        StringBuilder sb = new StringBuilder(17);
        for (int i = 0; i < 12; i += 2) {
            if (i > 0) {
                sb.append(':');
            }
            sb.append(hex, i, i + 2);
        }
        return Optional.of(new MacAddress(sb.toString()));
    }

    /** True for group (multicast/broadcast) addresses, which no NIC uses as its own. */
    public boolean isMulticast() {
        return (HexFormat.fromHexDigits(value, 0, 2) & 1) == 1;
    }

    /** The {@code 00-00-00-00-00-01} form iPXE's {@code ${mac:hexhyp}} produces. */
    public String hyphenated() {
        return value.replace(':', '-');
    }

    @Override
    public int compareTo(MacAddress o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
