package io.metalboot.boot.http;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * RFC 9110's conditional requests and single byte ranges for one file, decided before a byte is
 * sent: what to answer ({@link Answer}) from the request's validator headers and the file's
 * ETag, modification time and size. A header that does not parse is ignored, as RFC 9110 says,
 * never an error; a range the server does not serve (another unit, several ranges, the whole
 * file) gets the full body with 200.
 */
final class Preconditions {
    private Preconditions() {
    }

    /** The request headers that matter, each absent when the request did not send it. */
    record Request(boolean get, Optional<String> ifMatch, Optional<String> ifNoneMatch, Optional<String> ifModifiedSince,
            Optional<String> ifUnmodifiedSince, Optional<String> range, Optional<String> ifRange) {
    }

    /** 200 (whole file), 206 (bytes {@code first..last}), 304, 412 or 416. */
    record Answer(int status, long first, long last) {
        long length() {
            return last - first + 1;
        }
    }

    static Answer decide(Request r, String etag, Instant modified, long size) {
        long seconds = modified.getEpochSecond(); // HTTP dates have one-second resolution
        if (r.ifMatch().isPresent()) {
            if (!matches(r.ifMatch().get(), etag, true)) {
                return new Answer(412, 0, -1);
            }
        } else if (r.ifUnmodifiedSince().flatMap(Preconditions::date).filter(d -> seconds > d.getEpochSecond()).isPresent()) {
            return new Answer(412, 0, -1);
        }
        if (r.ifNoneMatch().isPresent()) {
            if (matches(r.ifNoneMatch().get(), etag, false)) {
                return new Answer(304, 0, -1);
            }
        } else if (r.ifModifiedSince().flatMap(Preconditions::date).filter(d -> seconds <= d.getEpochSecond()).isPresent()) {
            return new Answer(304, 0, -1);
        }
        Answer whole = new Answer(200, 0, size - 1);
        if (!r.get() || r.range().isEmpty() || !ifRangeHolds(r.ifRange(), etag, seconds)) {
            return whole;
        }
        return range(r.range().get(), size).orElse(whole);
    }

    /** One {@code bytes=} range of {@code size} bytes; empty to send the whole file (not bytes, malformed, several, all). */
    static Optional<Answer> range(String header, long size) {
        String h = header.strip();
        int eq = h.indexOf('=');
        if (eq < 0 || !h.substring(0, eq).strip().equalsIgnoreCase("bytes")) {
            return Optional.empty();
        }
        String spec = h.substring(eq + 1).strip();
        if (spec.contains(",")) {
            return Optional.empty(); // several ranges (multipart) are not served: the whole file instead
        }
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return Optional.empty();
        }
        String a = spec.substring(0, dash).strip();
        String b = spec.substring(dash + 1).strip();
        if (!a.matches("[0-9]*") || !b.matches("[0-9]*") || a.isEmpty() && b.isEmpty()) {
            return Optional.empty();
        }
        long first;
        long last;
        if (a.isEmpty()) { // the last b bytes
            long suffix = number(b);
            if (suffix == 0) {
                return Optional.of(new Answer(416, 0, -1));
            }
            first = Math.max(0, size - suffix);
            last = size - 1;
        } else {
            first = number(a);
            last = b.isEmpty() ? size - 1 : Math.min(number(b), size - 1);
            if (!b.isEmpty() && number(b) < first) {
                return Optional.empty(); // invalid: ignored
            }
            if (first >= size) {
                return Optional.of(new Answer(416, 0, -1));
            }
        }
        if (size == 0) {
            return Optional.of(new Answer(416, 0, -1));
        }
        return first == 0 && last == size - 1 ? Optional.empty() : Optional.of(new Answer(206, first, last));
    }

    /** A decimal that may be longer than a long holds: anything past 18 digits is "more than any file". */
    private static long number(String digits) {
        String d = digits.replaceFirst("^0+(?=.)", "");
        return d.length() > 18 ? Long.MAX_VALUE : Long.parseLong(d);
    }

    /** If-Range: the range applies only while the validator still names this file (strong ETag, or exactly its date). */
    private static boolean ifRangeHolds(Optional<String> ifRange, String etag, long seconds) {
        if (ifRange.isEmpty()) {
            return true;
        }
        String v = ifRange.get().strip();
        if (v.startsWith("\"") || v.startsWith("W/")) {
            return !v.startsWith("W/") && v.equals(etag);
        }
        return date(v).map(d -> d.getEpochSecond() == seconds).orElse(false);
    }

    /** An If-Match / If-None-Match list against {@code etag}: {@code *}, or a listed tag (weak comparison unless strong). */
    static boolean matches(String list, String etag, boolean strong) {
        if (list.strip().equals("*")) {
            return true;
        }
        for (String tag : tags(list)) {
            boolean weak = tag.startsWith("W/");
            String opaque = weak ? tag.substring(2) : tag;
            if (opaque.equals(etag) && !(strong && weak)) {
                return true;
            }
        }
        return false;
    }

    /** The entity tags of a comma-separated list ({@code "a", W/"b"}); what does not parse is skipped. */
    static List<String> tags(String list) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = list.length();
        while (i < n && out.size() < 64) {
            char c = list.charAt(i);
            if (c == ' ' || c == '\t' || c == ',') {
                i++;
                continue;
            }
            int start = i;
            if (list.startsWith("W/", i)) {
                i += 2;
            }
            if (i < n && list.charAt(i) == '"') {
                int close = list.indexOf('"', i + 1);
                if (close < 0) {
                    break;
                }
                out.add(list.substring(start, close + 1));
                i = close + 1;
            } else {
                int comma = list.indexOf(',', i);
                i = comma < 0 ? n : comma + 1; // not an entity tag: skip it
            }
        }
        return out;
    }

    /** An HTTP date (IMF-fixdate); empty when it does not parse, so the header is ignored. */
    static Optional<Instant> date(String text) {
        try {
            return Optional.of(ZonedDateTime.parse(text.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
