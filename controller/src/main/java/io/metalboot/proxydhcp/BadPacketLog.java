package io.metalboot.proxydhcp;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * One log line per interval for dropped datagrams, however many arrive: the first drop is logged at
 * once; later ones are counted and summed up in the next line, so a flood costs a counter, not a
 * disk. Reasons come from a fixed set of phrases, never from the packet.
 */
final class BadPacketLog {
    private final Clock clock;
    private final Duration interval;
    private final Consumer<String> sink;
    private Instant last = Instant.MIN;
    private long suppressed;
    private long total;

    BadPacketLog(Clock clock, Duration interval, Consumer<String> sink) {
        this.clock = clock;
        this.interval = interval;
        this.sink = sink;
    }

    synchronized void dropped(String reason, String from) {
        total++;
        Instant now = clock.instant();
        if (last != Instant.MIN && now.isBefore(last.plus(interval))) {
            suppressed++;
            return;
        }
        sink.accept("proxydhcp: dropped a bad packet from " + from + " (" + reason + ")"
                + (suppressed > 0 ? "; " + suppressed + " more dropped since the last line" : ""));
        suppressed = 0;
        last = now;
    }

    synchronized long total() {
        return total;
    }
}
