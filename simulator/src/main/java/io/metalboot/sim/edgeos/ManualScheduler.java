package io.metalboot.sim.edgeos;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A clock that only moves when a test says so: {@link #advance} runs the tasks that fall due, in
 * order, on the caller's thread. Starts at 2024-06-01 12:00:00 UTC.
 */
public final class ManualScheduler implements Scheduler {
    private final List<Pending> pending = new ArrayList<>();
    private Instant now = Instant.parse("2024-06-01T12:00:00Z");
    private long sequence;

    private final class Pending implements Job {
        private final Instant due;
        private final long order;
        private final Runnable task;

        private Pending(Instant due, long order, Runnable task) {
            this.due = due;
            this.order = order;
            this.task = task;
        }

        @Override
        public void cancel() {
            synchronized (ManualScheduler.this) {
                pending.remove(this);
            }
        }
    }

    @Override
    public synchronized Instant now() {
        return now;
    }

    @Override
    public synchronized Job schedule(Duration delay, Runnable task) {
        Pending job = new Pending(now.plus(delay), sequence++, task);
        pending.add(job);
        return job;
    }

    /** Moves the clock forward by {@code duration}, running every task due by then. */
    public void advance(Duration duration) {
        Instant target;
        synchronized (this) {
            target = now.plus(duration);
        }
        while (true) {
            Optional<Pending> next;
            synchronized (this) {
                next = pending.stream().filter(job -> !job.due.isAfter(target))
                        .min(Comparator.comparing((Pending job) -> job.due).thenComparingLong(job -> job.order));
                if (next.isEmpty()) {
                    now = target;
                    return;
                }
                pending.remove(next.get());
                now = next.get().due;
            }
            next.get().task.run();
        }
    }

    /** How many tasks are waiting. */
    public synchronized int pendingJobs() {
        return pending.size();
    }
}
