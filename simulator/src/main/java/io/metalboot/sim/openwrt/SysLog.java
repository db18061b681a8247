package io.metalboot.sim.openwrt;

import io.metalboot.sim.fs.RouterFs;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The router's system log as {@code logread} prints it ({@code Thu Jan  4 10:00:00 2024
 * daemon.crit dnsmasq[1234]: FAILED to start up}), kept in {@code /var/log/messages} so it is
 * wiped with {@code /var} on reboot. A log that cannot be written is dropped, as logd's ring
 * buffer would drop it.
 */
final class SysLog {
    static final String PATH = "/var/log/messages";
    private static final DateTimeFormatter CTIME = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ROOT);

    private final RouterFs fs;
    private final Clock clock;

    SysLog(RouterFs fs, Clock clock) {
        this.fs = fs;
        this.clock = clock;
    }

    SysLog(RouterFs fs) {
        this(fs, Clock.systemUTC());
    }

    /** One entry: {@code facilityLevel} like {@code daemon.crit}, {@code tag} like {@code dnsmasq[1234]}. */
    String log(String facilityLevel, String tag, String message) {
        String line = ZonedDateTime.now(clock).format(CTIME) + " " + facilityLevel + " " + tag + ": " + message;
        synchronized (fs) {
            try {
                if (!fs.exists("/var/log")) {
                    fs.mkdir("/var/log", true);
                }
                try (OutputStream out = fs.open(PATH, true)) {
                    out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                // logd keeps its ring buffer in RAM; a full disk loses the file copy only
            }
        }
        return line;
    }
}
