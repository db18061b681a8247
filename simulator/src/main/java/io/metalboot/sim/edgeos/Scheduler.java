package io.metalboot.sim.edgeos;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The router's clock and its {@code at} daemon: what {@code commit-confirm} schedules its reboot
 * with and what syslog and lease times read. {@link #system()} is wall-clock time;
 * {@link ManualScheduler} lets a test fast-forward.
 */
public interface Scheduler {

    /** A scheduled task that can still be cancelled ({@code atrm}). */
    interface Job {
        void cancel();
    }

    Instant now();

    /** Runs {@code task} once after {@code delay} (on the scheduler's own thread). */
    Job schedule(Duration delay, Runnable task);

    /** Wall-clock time, tasks on one shared daemon thread. */
    static Scheduler system() {
        return SystemScheduler.INSTANCE;
    }

    /** The real clock. */
    final class SystemScheduler implements Scheduler {
        private static final SystemScheduler INSTANCE = new SystemScheduler();
        private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "edgeos-at");
            thread.setDaemon(true);
            return thread;
        });

        private SystemScheduler() {
        }

        @Override
        public Instant now() {
            return Instant.now();
        }

        @Override
        public Job schedule(Duration delay, Runnable task) {
            ScheduledFuture<?> future = executor.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
            return () -> future.cancel(false);
        }
    }
}
