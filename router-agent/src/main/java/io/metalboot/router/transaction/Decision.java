package io.metalboot.router.transaction;

import io.metalboot.router.history.Revision.Outcome;
import io.metalboot.router.ssh.ExecResult;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * What the router's answers mean for the operator: the verdict {@code finish.sh} reported (its exit
 * status and outcome line), the failures that leave the router untouched, and what happens after a
 * connection lost at each step. Every message says what the router does next and what to run.
 */
final class Decision {
    /** An outcome and the message that explains it. */
    record Verdict(Outcome outcome, String message) {
    }

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private final ApplyScripts scripts;
    private final String revisionId;
    private final Duration timeout;

    Decision(ApplyScripts scripts, String revisionId, Duration timeout) {
        this.scripts = scripts;
        this.revisionId = revisionId;
        this.timeout = timeout;
    }

    /** The begin step stopped before changing anything: why, with the failing path and the router's own words. */
    Optional<String> failedBeforeChange(List<String> marks, ExecResult begin) {
        String cause = begin.stderr().strip();
        if (marks.contains("foreign")) {
            return Optional.of("uci has changes to dhcp staged by someone else: " + LockMessage.after(begin.stdout(),
                    scripts.marker() + "foreign").strip().replace("\n", "; ") + " (nothing was changed; commit or revert them with"
                    + " 'uci commit dhcp' or 'uci revert dhcp' on the router, then apply again)");
        }
        if (marks.contains("prepare-failed")) {
            return Optional.of("could not write metalboot's transaction files to " + scripts.backupDir() + " on the router: " + cause
                    + " (nothing was changed; free space there and apply again)");
        }
        if (marks.contains("lock-failed")) {
            return Optional.of("could not take the router lock: " + cause + " (nothing was changed; free space in "
                    + scripts.backupDir().replaceAll("/backup/.*", "") + " and apply again)");
        }
        if (marks.contains("snapshot-failed")) {
            return Optional.of("could not snapshot the router's configuration to " + scripts.backupDir() + ": " + cause
                    + " (nothing was changed; free space on the router and apply again)");
        }
        return Optional.empty();
    }

    /** How {@code finish.sh} decided, from its {@code finished STATUS OUTCOME} line; {@code why} is what led to it. */
    Verdict finished(List<String> marks, String stderr, String why) {
        Optional<String> line = marks.stream().filter(m -> m.startsWith("finished ")).reduce((a, b) -> b);
        if (line.isEmpty()) {
            return new Verdict(Outcome.UNKNOWN, (why.isEmpty() ? "" : why + "; then ") + "the router did not report how the "
                    + "transaction ended; " + afterLoss());
        }
        String[] words = line.get().split(" ", 3);
        int status = words.length > 1 && words[1].matches("[0-9]+") ? Integer.parseInt(words[1]) : -1;
        String outcome = words.length > 2 ? words[2].strip() : "";
        String detail = stderr.strip().isEmpty() ? "" : " (" + stderr.strip().replace("\n", "; ") + ")";
        return switch (status) {
            case RouterScripts.APPLIED -> new Verdict(Outcome.APPLIED, "");
            case RouterScripts.REVERTED -> new Verdict(Outcome.REVERTED, "reverted: " + (why.isEmpty()
                    ? "the confirm could not save the configuration or write the state file" + detail : why));
            case RouterScripts.REVERT_FAILED -> new Verdict(Outcome.UNKNOWN, (why.isEmpty() ? "the confirm failed" : why)
                    + "; then the revert failed too" + detail + ". " + unknown());
            case RouterScripts.LOST_LOCK -> new Verdict(Outcome.SUPERSEDED, superseded(outcome));
            case RouterScripts.DECIDED_BEFORE -> decidedBefore(outcome, why);
            case RouterScripts.UNDECIDABLE -> new Verdict(Outcome.UNKNOWN, "could not record the decision on the router (is "
                    + scripts.backupDir() + " writable and not full?); " + watchdogNote(Optional.empty()));
            case RouterScripts.RELEASED -> new Verdict(Outcome.FAILED, why + " (nothing had been changed yet)");
            default -> new Verdict(Outcome.UNKNOWN, "the router's finish step ended with status " + status + detail + ". " + unknown());
        };
    }

    private Verdict decidedBefore(String outcome, String why) {
        String late = why.isEmpty() ? "the confirm came too late" : why;
        if (outcome.startsWith("reverted")) {
            return new Verdict(Outcome.REVERTED, "reverted: " + late + ": the router's watchdog had already reverted the change"
                    + " when it arrived (the confirm timeout is " + timeout.toSeconds() + " s; give more with --confirm-timeout)");
        }
        if (outcome.startsWith("lost-lock")) {
            return new Verdict(Outcome.SUPERSEDED, superseded(outcome));
        }
        if (outcome.startsWith("revert-failed")) {
            return new Verdict(Outcome.UNKNOWN, late + "; the router's watchdog tried to revert and failed (see "
                    + scripts.backupDir() + "/revert.log). " + unknown());
        }
        return new Verdict(Outcome.UNKNOWN, late + "; the router's watchdog took the decision and had not finished after"
                + " 600 s. Run 'metalboot plan' later: it reads the router's record and settles revision " + revisionId + ".");
    }

    private String superseded(String outcome) {
        String holder = outcome.startsWith("lost-lock ") ? outcome.substring("lost-lock ".length()) : "another run";
        return "another run broke this apply's lock before it ended (the lock is now held by " + holder + "): this apply was"
                + " neither confirmed nor reverted, and the router holds what that run made of it. Run 'metalboot plan' to see it.";
    }

    /** The begin script's connection went away: how far it got, and what the watchdog does about it. */
    String lostDuringBegin(List<String> marks, Exception e) {
        String last = marks.stream().filter(m -> m.startsWith("step ")).reduce((a, b) -> b).map(m -> m.substring(5)).orElse("none");
        return "lost the router during the commit step (last step seen: " + last + "; " + e.getMessage() + "). Whatever this"
                + " apply changed there, the router's watchdog undoes about " + timeout.toSeconds() + " s after that step ends, and"
                + " it releases the lock; " + settle();
    }

    /** The connection went away while the router was asked to confirm or revert. */
    String lostWhileFinishing(String action, String why, Instant committed, Exception e) {
        String head = (why.isEmpty() ? "" : why + "; then ") + "lost the router while asking it to " + action + " (" + e.getMessage()
                + "). ";
        if (action.equals("confirm")) {
            return head + "If the confirm had started there it completes by itself and the router holds the new configuration;"
                    + " otherwise the router's watchdog reverts it by " + CLOCK.format(deadline(committed)) + ". " + capitalized(settle());
        }
        return head + "The revert completes on the router by itself once started; otherwise the router's watchdog reverts by "
                + CLOCK.format(deadline(committed)) + ". " + capitalized(settle());
    }

    /** What the watchdog does when nothing else decides: revert at the deadline. */
    String watchdogNote(Optional<Instant> committed) {
        return "the router's watchdog reverts the change by itself " + committed.map(c -> "by " + CLOCK.format(deadline(c)))
                .orElse("about " + timeout.toSeconds() + " s after the commit step") + " and releases the lock; " + settle();
    }

    private String afterLoss() {
        return settle();
    }

    private Instant deadline(Instant committed) {
        return committed.plus(timeout).plusSeconds(2);
    }

    private String settle() {
        return "run 'metalboot plan' after that: it reads the router's record and settles revision " + revisionId + ".";
    }

    private static String capitalized(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private String unknown() {
        return "The router's state is unknown. To recover, log in to the router and run: sh " + scripts.revertScript();
    }
}
