package io.metalboot.router.openwrt;

/**
 * uci's name rules (util.c {@code uci_validate_str}) and its names for anonymous sections
 * (list.c {@code uci_fixup_section}): {@code cfg}, a two-digit hex counter of the sections created
 * in this load, and the low 16 bits of the djb hash of the type (the section has no options yet
 * when it is named, so only the type counts): the stock dnsmasq section is {@code cfg01411c}.
 */
final class UciNames {
    private UciNames() {
    }

    /** Section and option names: only {@code [A-Za-z0-9_]}, not empty. */
    static boolean isName(String text) {
        return !text.isEmpty() && text.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || c == '_'));
    }

    /** Section types: printable ASCII without spaces. */
    static boolean isType(String text) {
        return !text.isEmpty() && text.chars().allMatch(c -> c >= 33 && c <= 126);
    }

    /** Values: no line breaks or control characters other than tab (util.c {@code uci_validate_text}). */
    static boolean isText(String text) {
        return text.chars().noneMatch(c -> c == '\r' || c == '\n' || (c < 32 && c != '\t'));
    }

    static String anonymousName(int counter, String type) {
        return String.format("cfg%02x%04x", counter, djbHash(type) % (1 << 16));
    }

    private static int djbHash(String text) {
        int hash = 5381;
        for (byte b : text.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            hash = (hash << 5) + hash + b;
        }
        return hash & 0x7FFFFFFF;
    }

    /** A value as {@code uci show} and {@code uci changes} print it: single-quoted, ' as '\''. */
    static String quote(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }
}
