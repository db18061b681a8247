package io.metalboot.sim.edgeos;

import io.metalboot.sim.fs.RouterFs;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Appends to the router's log files through its file system: {@code /var/log/messages} in
 * rsyslog's traditional format ({@code Jun  1 12:00:00 ubnt dhcpd: …}) and the plain
 * {@code /var/log/vyatta/vyatta-commit.log}. Like syslog, a write that fails (disk full) is dropped.
 */
final class Syslog {
    static final String MESSAGES = "/var/log/messages";
    static final String COMMIT_LOG = "/var/log/vyatta/vyatta-commit.log";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("MMM ppd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private Syslog() {
    }

    /** One {@code /var/log/messages} line per entry of {@code lines}, tagged with {@code program}. */
    static void message(RouterFs fs, Instant at, String program, List<String> lines) {
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            text.append(STAMP.format(at)).append(" ubnt ").append(program).append(": ").append(line).append('\n');
        }
        append(fs, MESSAGES, text.toString());
    }

    static void message(RouterFs fs, Instant at, String program, String line) {
        message(fs, at, program, List.of(line));
    }

    /** Appends {@code lines} to the commit log (what the wrapper's commit writes to its stdout). */
    static void commitLog(RouterFs fs, List<String> lines) {
        if (!lines.isEmpty()) {
            append(fs, COMMIT_LOG, String.join("\n", lines) + "\n");
        }
    }

    private static void append(RouterFs fs, String path, String text) {
        try {
            fs.mkdir(path.substring(0, path.lastIndexOf('/')), true);
            try (OutputStream out = fs.open(path, true)) {
                out.write(text.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // syslog drops what it cannot write; the router carries on
        }
    }
}
