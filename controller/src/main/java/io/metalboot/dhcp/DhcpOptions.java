package io.metalboot.dhcp;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A message's options, in the order they first appeared, each code once: the parts of an option
 * split over several instances are joined as RFC 3396 says. Values are copied in and out.
 */
public final class DhcpOptions {
    public static final int SUBNET_MASK = 1;
    public static final int VENDOR_SPECIFIC = 43;
    public static final int REQUESTED_ADDRESS = 50;
    public static final int OVERLOAD = 52;
    public static final int MESSAGE_TYPE = 53;
    public static final int SERVER_ID = 54;
    public static final int PARAMETER_REQUEST_LIST = 55;
    public static final int MAX_MESSAGE_SIZE = 57;
    public static final int VENDOR_CLASS = 60;
    public static final int CLIENT_ID = 61;
    public static final int USER_CLASS = 77;
    public static final int CLIENT_ARCH = 93;
    public static final int CLIENT_NDI = 94;
    public static final int CLIENT_UUID = 97;

    private final Map<Integer, byte[]> values;

    private DhcpOptions(Map<Integer, byte[]> values) {
        this.values = values;
    }

    public static DhcpOptions empty() {
        return new DhcpOptions(Map.of());
    }

    /** These options and {@code code} set to {@code value} (replacing an earlier value, kept in its place). */
    public DhcpOptions with(int code, byte[] value) {
        if (code <= 0 || code >= 255) {
            throw new IllegalArgumentException("option code " + code + " is reserved (pad or end)");
        }
        Map<Integer, byte[]> copy = new LinkedHashMap<>(values);
        copy.put(code, value.clone());
        return new DhcpOptions(Collections.unmodifiableMap(copy));
    }

    public DhcpOptions with(int code, String text) {
        return with(code, text.getBytes(StandardCharsets.US_ASCII));
    }

    static DhcpOptions of(Map<Integer, byte[]> joined) {
        return new DhcpOptions(Collections.unmodifiableMap(new LinkedHashMap<>(joined)));
    }

    public Optional<byte[]> get(int code) {
        return Optional.ofNullable(values.get(code)).map(byte[]::clone);
    }

    public boolean has(int code) {
        return values.containsKey(code);
    }

    /** The option as ASCII text (a vendor class, a user class label), trailing NULs dropped. */
    public Optional<String> text(int code) {
        return Optional.ofNullable(values.get(code)).map(v -> {
            int n = v.length;
            while (n > 0 && v[n - 1] == 0) {
                n--;
            }
            return new String(v, 0, n, StandardCharsets.US_ASCII);
        });
    }

    /** A one-byte option; empty when absent or of another length. */
    public OptionalInt u8(int code) {
        byte[] v = values.get(code);
        return v == null || v.length != 1 ? OptionalInt.empty() : OptionalInt.of(v[0] & 0xff);
    }

    /** A two-byte option (e.g. 93, the first architecture listed); empty when absent or shorter. */
    public OptionalInt u16(int code) {
        byte[] v = values.get(code);
        return v == null || v.length < 2 ? OptionalInt.empty() : OptionalInt.of((v[0] & 0xff) << 8 | v[1] & 0xff);
    }

    /** The codes present, in order. */
    public Iterable<Integer> codes() {
        return values.keySet();
    }

    int encodedSize() {
        int n = 0;
        for (byte[] v : values.values()) {
            n += v.length + 2 * Math.max(1, (v.length + 254) / 255);
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof DhcpOptions other) || !other.values.keySet().equals(values.keySet())) {
            return false;
        }
        return values.entrySet().stream().allMatch(e -> Arrays.equals(e.getValue(), other.values.get(e.getKey())));
    }

    @Override
    public int hashCode() {
        return values.keySet().hashCode();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        values.forEach((k, v) -> sb.append(sb.length() > 1 ? ", " : "").append(k).append('=').append(java.util.HexFormat.of().formatHex(v)));
        return sb.append('}').toString();
    }
}
