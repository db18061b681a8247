package io.metalboot.router.edgeos;

import io.metalboot.router.Ipv4Address;
import io.metalboot.router.Ipv4Subnet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The value types and syntax checks of the dhcp-server node.def templates. {@link #check} returns
 * the line vyatta-cfg prints before "Value validation failed", or empty when the value is valid.
 */
record ValueType(String name, List<String> allowed) {
    private static final Pattern POOL_NAME = Pattern.compile("^[-_a-zA-Z0-9.]+$");
    private static final Pattern MAC = Pattern.compile("^[0-9a-fA-F]{1,2}(:[0-9a-fA-F]{1,2}){5}$");
    private static final Pattern TIME_OFFSET = Pattern.compile("^[-_0-9]+$");
    static final ValueType TXT = new ValueType("txt", List.of());

    ValueType {
        allowed = List.copyOf(allowed);
    }

    /** Parses a schema type token: {@code ipv4}, {@code enable|disable}, {@code prefixlen} … */
    static ValueType of(String token) {
        if (token.contains("|")) {
            return new ValueType("enum", List.of(token.split("\\|")));
        }
        return new ValueType(token, List.of());
    }

    /** The error line for {@code value} of node {@code node}, or empty when valid. */
    Optional<String> check(String node, String value) {
        boolean ok = switch (name) {
            case "txt", "any" -> true;
            case "bool" -> value.equals("true") || value.equals("false");
            case "ipv4" -> Ipv4Address.tryParse(value).isPresent();
            case "ipv4net" -> Ipv4Subnet.tryParse(value).isPresent();
            case "macaddr" -> MAC.matcher(value).matches();
            case "u32" -> isU32(value);
            case "prefixlen" -> isU32(value) && Long.parseLong(value) <= 32;
            case "poolname", "mapname" -> POOL_NAME.matcher(value).matches();
            case "offset" -> TIME_OFFSET.matcher(value).matches();
            case "enum" -> allowed.contains(value);
            default -> throw new IllegalStateException("unknown schema type " + name);
        };
        if (ok) {
            return Optional.empty();
        }
        return Optional.of(switch (name) {
            case "prefixlen" -> isU32(value) ? "DHCP client prefix length must be 0 to 32" : typeError(value, "u32");
            case "poolname" -> "invalid DHCP pool name \"" + value + "\"";
            case "mapname" -> "invalid static-mapping name \"" + value + "\"";
            case "offset" -> "invalid time offset value \"" + value + "\"";
            case "enum" -> node.equals("status")
                    ? "invalid DHCP failover peer status " + value
                    : "Invalid keyword " + value + " for " + node + ". Specify '" + String.join("' or '", allowed) + "'";
            default -> typeError(value, name);
        });
    }

    private static String typeError(String value, String type) {
        return "\"" + value + "\" is not a valid value of type \"" + type + "\"";
    }

    private static boolean isU32(String value) {
        return !value.isEmpty() && value.length() <= 10 && value.chars().allMatch(Character::isDigit)
                && Long.parseLong(value) <= 0xFFFF_FFFFL;
    }
}
