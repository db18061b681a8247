package io.metalboot.cli;

import java.time.Duration;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The flags of the commands that change a router (apply, rollback). */
final class ChangeOptions {
    @Option(names = "--confirm-timeout", paramLabel = "DURATION", defaultValue = "120s",
            description = "How long the router waits for the confirmation before it reverts by itself"
                    + " (e.g. 120s, 2m; default: ${DEFAULT-VALUE}).")
    String confirmTimeout;

    @Option(names = "--yes", description = "Change the router without asking (needed when not on a terminal, and with --json).")
    boolean yes;

    @Option(names = "--break-lock", description = "Take the router lock even if another run holds it (only when that one died).")
    boolean breakLock;

    @Mixin
    JsonOption json;

    RouterChange.Settings settings() {
        return new RouterChange.Settings(duration(confirmTimeout), yes, breakLock, json.json, Style.detect());
    }

    /** {@code 120s}, {@code 2m}, {@code 1h} or plain seconds. */
    static Duration duration(String text) {
        var m = java.util.regex.Pattern.compile("([0-9]{1,6})([smh]?)").matcher(text.strip());
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw new BadInputException("--confirm-timeout '" + text + "' is not a positive duration (expected e.g. 120s, 2m or 90)");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofSeconds(n);
        };
    }
}
