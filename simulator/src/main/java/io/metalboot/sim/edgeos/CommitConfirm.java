package io.metalboot.sim.edgeos;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@code commit-confirm N} and {@code confirm} as vyatta-config-mgmt.pl implements them: refused
 * unless {@code system config-management commit-revisions} is set; otherwise the current
 * {@code /config/config.boot} is kept aside and an {@code at} job scheduled that, unless
 * {@code confirm} removes it within N minutes, writes that file back and reboots the router.
 * {@code /var/run/confirm.job} marks a pending confirm.
 */
final class CommitConfirm {
    static final String JOB_FILE = "/var/run/confirm.job";
    static final String NOT_CONFIGURED = "commit-revisions is not configured.";

    /** What the check before the commit decided. */
    enum Check { PROCEED, ALREADY_PENDING, REFUSED }

    private final EdgeosRouter router;
    private final Scheduler scheduler;
    private Optional<Scheduler.Job> job = Optional.empty();
    private int jobNumber;

    CommitConfirm(EdgeosRouter router, Scheduler scheduler) {
        this.router = router;
        this.scheduler = scheduler;
    }

    /**
     * The checks and the warning printed before the {@code Proceed? [confirm]} prompt. With a
     * confirm already pending the script says so and exits 0, so the commit goes ahead unguarded.
     */
    synchronized Check check(int minutes, List<String> out) {
        if (job.isPresent()) {
            out.add("Another confirm is pending");
            return Check.ALREADY_PENDING;
        }
        boolean configured = router.active().value("system", "config-management", "commit-revisions")
                .filter(value -> value.matches("\\d+") && Integer.parseInt(value) > 0).isPresent();
        if (!configured) {
            out.add(NOT_CONFIGURED);
            out.add("");
            return Check.REFUSED;
        }
        out.add("commit confirm will be automatically reboot in " + minutes + " minutes unless confirmed");
        return Check.PROCEED;
    }

    /** Keeps config.boot aside and schedules the rollback reboot. */
    synchronized void schedule(int minutes) throws IOException {
        String saved = router.fs().exists(EdgeosRouter.CONFIG_BOOT) ? router.fs().read(EdgeosRouter.CONFIG_BOOT) : "";
        jobNumber++;
        router.fs().write(JOB_FILE, jobNumber + "\n");
        job = Optional.of(scheduler.schedule(Duration.ofMinutes(minutes), () -> rollback(saved)));
    }

    /** {@code confirm}: false (after printing "No confirm pending") when nothing was pending. */
    synchronized boolean confirm(List<String> out) {
        if (job.isEmpty()) {
            out.add("No confirm pending");
            return false;
        }
        forget();
        return true;
    }

    synchronized boolean pending() {
        return job.isPresent();
    }

    /** Cancels the job (confirm, or a reboot that wiped {@code /var/run}). */
    synchronized void forget() {
        job.ifPresent(Scheduler.Job::cancel);
        job = Optional.empty();
        try {
            if (router.fs().exists(JOB_FILE)) {
                router.fs().delete(JOB_FILE, false);
            }
        } catch (IOException e) {
            // the marker goes with the reboot anyway
        }
    }

    private void rollback(String saved) {
        synchronized (this) {
            job = Optional.empty();
        }
        try {
            router.fs().write(EdgeosRouter.CONFIG_BOOT, saved);
        } catch (IOException e) {
            Syslog.message(router.fs(), scheduler.now(), "vyatta-config-mgmt.pl",
                    "rollback could not write " + EdgeosRouter.CONFIG_BOOT + ": " + e.getMessage());
        }
        Syslog.message(router.fs(), scheduler.now(), "vyatta-config-mgmt.pl", "Rollback reboot requested by ubnt");
        router.reboot();
    }
}
