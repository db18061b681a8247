package io.metalboot.boot;

import io.metalboot.router.MacAddress;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A request's labels: every query parameter, checked once at the edge. Keys are short words; values
 * hold no whitespace, quotes, braces or other characters that could change the structure of a
 * rendered YAML or JSON document, so a label can never break out of the Ignition it is rendered
 * into. {@code mac} is normalised ({@code 00-00-00-00-00-01}, {@code 0000.0000.0001}, any case →
 * {@code 00:00:00:00:00:01}). {@code rawQuery} is the query as the machine sent it.
 */
public record Labels(SortedMap<String, String> values, String rawQuery) {
    static final int MAX_LABELS = 32;
    static final int MAX_VALUE = 256;
    static final int MAX_QUERY = 4096;
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final Pattern VALUE = Pattern.compile("[A-Za-z0-9._:@/+=,~%-]*");

    private static final Pattern BAD_ESCAPE = Pattern.compile("%(?![0-9A-Fa-f]{2})");

    public Labels {
        values = Collections.unmodifiableSortedMap(new TreeMap<>(values));
    }

    public static Labels none() {
        return new Labels(new TreeMap<>(), "");
    }

    /** Checks and normalises decoded query parameters; the first value of a repeated key counts. */
    public static Labels of(Map<String, List<String>> query, String rawQuery) {
        if (rawQuery.length() > MAX_QUERY) {
            throw BootException.badRequest("the query is " + rawQuery.length() + " characters long; at most " + MAX_QUERY + " are accepted");
        }
        if (query.size() > MAX_LABELS) {
            throw BootException.badRequest("the query has " + query.size() + " parameters; at most " + MAX_LABELS + " are accepted");
        }
        if (!VALUE.matcher(rawQuery.replace("&", "")).matches()) {
            throw BootException.badRequest("the query '" + printable(rawQuery) + "' has characters a label may not hold"
                    + " (letters, digits and . _ : @ / + = , ~ % - only)");
        }
        TreeMap<String, String> values = new TreeMap<>();
        query.forEach((key, all) -> {
            if (!KEY.matcher(key).matches()) {
                throw BootException.badRequest("query parameter '" + printable(key) + "' is not a label name (letters, digits, . _ -)");
            }
            String value = all.isEmpty() ? "" : all.get(0);
            if (value.length() > MAX_VALUE || !VALUE.matcher(value).matches()) {
                throw BootException.badRequest("label " + key + " '" + printable(value) + "' is not a label value (at most "
                        + MAX_VALUE + " letters, digits and . _ : @ / + = , ~ % -)");
            }
            values.put(key, key.equals("mac") ? mac(value) : value);
        });
        return new Labels(values, rawQuery);
    }

    /** Refuses a raw query whose percent-encoding is broken ({@code ?x=%}, {@code mac=%4}), before it is decoded. */
    public static void checkEncoding(String rawQuery) {
        var m = BAD_ESCAPE.matcher(rawQuery);
        if (m.find()) {
            throw BootException.badRequest("the query '" + printable(rawQuery) + "' has a '%' at character " + (m.start() + 1)
                    + " that is not followed by two hex digits; encode a percent sign as %25 (e.g. x=50%25)");
        }
    }

    /** {@code 00:00:00:00:00:01} from any of the usual spellings. */
    public static String mac(String value) {
        String hex = value.replace(":", "").replace("-", "").replace(".", "").toLowerCase();
        if (!hex.matches("[0-9a-f]{12}")) {
            throw BootException.badRequest("label mac '" + printable(value) + "' is not a MAC address (expected six hex pairs,"
                    + " e.g. 00:00:00:00:00:01, 00-00-00-00-00-01 or 0000.0000.0001)");
        }
        return MacAddress.parse(hex.replaceAll("(..)(?!$)", "$1:")).orElseThrow().toString();
    }

    public static String printable(String text) {
        return printable(text, 80);
    }

    /** {@code text} cut to {@code max} characters, anything but printable ASCII shown as {@code ?}: safe for a log or a terminal. */
    public static String printable(String text, int max) {
        String shown = text.length() > max ? text.substring(0, max) + "…" : text;
        return shown.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
