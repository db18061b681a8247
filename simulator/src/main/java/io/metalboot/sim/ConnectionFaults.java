package io.metalboot.sim;

import io.metalboot.sim.shell.ConnectionDropped;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

/**
 * Connection faults, checked before every command the router runs: drop the connection after the
 * Nth command or when a command line matches a pattern, delay matching commands, or delay every
 * round trip (exec request). Counting starts
 * when the fault is armed; a drop fires once.
 */
public final class ConnectionFaults {
    private final AtomicInteger dropAfter = new AtomicInteger(-1);
    private final AtomicReference<Optional<Pattern>> dropOn = new AtomicReference<>(Optional.empty());
    private final AtomicReference<Optional<Delay>> delay = new AtomicReference<>(Optional.empty());
    private final AtomicReference<Duration> roundTrip = new AtomicReference<>(Duration.ZERO);

    private record Delay(Pattern pattern, Duration duration) {
    }

    /** The connection drops just before the (n+1)th command from now, i.e. after n more commands ran. */
    public void dropAfterCommands(int n) {
        dropAfter.set(n);
    }

    /** The connection drops just before the first command whose command line matches {@code pattern} runs. */
    public void dropWhenCommandMatches(String pattern) {
        dropOn.set(Optional.of(Pattern.compile(pattern)));
    }

    /** Commands whose command line matches {@code pattern} start only after {@code duration}. */
    public void delayCommands(String pattern, Duration duration) {
        delay.set(Optional.of(new Delay(Pattern.compile(pattern), duration)));
    }

    /** Every SSH exec request (one round trip) starts only after {@code latency}, like a slow link to the router. */
    public void delayRoundTrips(Duration latency) {
        roundTrip.set(latency);
    }

    /** Called when an exec request arrives, before its command runs. */
    void beforeRoundTrip() {
        Duration d = roundTrip.get();
        if (!d.isZero()) {
            try {
                Thread.sleep(d);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public void clear() {
        roundTrip.set(Duration.ZERO);
        dropAfter.set(-1);
        dropOn.set(Optional.empty());
        delay.set(Optional.empty());
    }

    /** Called before each command; sleeps for a delay, throws {@link ConnectionDropped} for a drop. */
    void beforeCommand(List<String> argv) {
        String line = String.join(" ", argv);
        Optional<Delay> d = delay.get();
        if (d.isPresent() && d.get().pattern().matcher(line).find()) {
            try {
                Thread.sleep(d.get().duration());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        Optional<Pattern> on = dropOn.get();
        if (on.isPresent() && on.get().matcher(line).find() && dropOn.compareAndSet(on, Optional.empty())) {
            throw new ConnectionDropped("fault: dropped the connection at '" + line + "'");
        }
        if (dropAfter.get() == 0 && dropAfter.compareAndSet(0, -1)) {
            throw new ConnectionDropped("fault: dropped the connection before '" + line + "'");
        }
        dropAfter.updateAndGet(n -> n > 0 ? n - 1 : n);
    }
}
