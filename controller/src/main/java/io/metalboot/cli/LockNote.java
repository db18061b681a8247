package io.metalboot.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The plan's note on a held router lock, from the lock's owner line ({@code user@host pid rev=TX EPOCH}). */
final class LockNote {
    private static final Pattern OWNER = Pattern.compile("^(.*?)(?: rev=([0-9A-Za-z-]+))? ([0-9]+)$");

    private LockNote() {
    }

    static String of(String ownerLine) {
        String line = ownerLine.strip();
        Matcher m = OWNER.matcher(line);
        if (line.isEmpty() || !m.matches()) {
            return "the router is locked by another apply" + (line.isEmpty() ? " (no owner recorded)" : ": " + line)
                    + "; the next apply waits for it, or breaks it with --break-lock";
        }
        long age = Math.max(0, Duration.between(Instant.ofEpochSecond(Long.parseLong(m.group(3))), Instant.now()).toSeconds());
        return "the router is locked by " + m.group(1) + (m.group(2) == null ? "" : " (transaction " + m.group(2) + ")")
                + " for " + age + " s: an apply is running, or its watchdog has not ended it yet; the next apply waits for it,"
                + " or breaks it with --break-lock if that apply is gone";
    }
}
