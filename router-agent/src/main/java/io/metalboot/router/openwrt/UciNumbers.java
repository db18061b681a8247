package io.metalboot.router.openwrt;

/**
 * The C number readers cli.c and list.c use on values: {@code sscanf(v, "%d")} for list indexes
 * ({@code uci delete pkg.s.list=N}) and {@code strtoul} for {@code uci reorder pkg.s=N}.
 */
final class UciNumbers {
    /** {@code sscanf} converted a number. */
    static final int CONVERTED = 1;
    /** {@code sscanf} found no number: cli.c exits 1 without a message. */
    static final int NO_NUMBER = 0;
    /** {@code sscanf} returned EOF: the value is empty or only blanks. */
    static final int BLANK = -1;

    private UciNumbers() {
    }

    /** What {@code sscanf(text, "%d", &n)} returns. */
    static int scanInt(String text) {
        String rest = text.stripLeading();
        if (rest.isEmpty()) {
            return BLANK;
        }
        int start = rest.charAt(0) == '-' || rest.charAt(0) == '+' ? 1 : 0;
        return start < rest.length() && Character.isDigit(rest.charAt(start)) && rest.charAt(start) < 128 ? CONVERTED : NO_NUMBER;
    }

    /** The number {@code sscanf(text, "%d")} reads (clamped to int); only meaningful when {@link #scanInt} converts. */
    static int leadingInt(String text) {
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, leadingLong(text)));
    }

    /** {@code (int) strtoul(text, NULL, 10)}: leading digits (0 when none), a minus negates, the low 32 bits. */
    static int strtoulAsInt(String text) {
        return (int) leadingLong(text);
    }

    private static long leadingLong(String text) {
        String rest = text.stripLeading();
        boolean negative = rest.startsWith("-");
        int i = rest.startsWith("-") || rest.startsWith("+") ? 1 : 0;
        long value = 0;
        while (i < rest.length() && rest.charAt(i) >= '0' && rest.charAt(i) <= '9') {
            value = value * 10 + (rest.charAt(i) - '0');
            if (value > 0xFFFFFFFFL) {
                value = 0xFFFFFFFFL; // saturate: far past any list index or position
            }
            i++;
        }
        return negative ? -value : value;
    }
}
