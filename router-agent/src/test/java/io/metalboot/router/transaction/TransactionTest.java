package io.metalboot.router.transaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metalboot.router.history.Revision.Outcome;
import io.metalboot.router.transaction.FakeRouter.Answer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each step's answer, and what the operator is told: the transaction against a scripted session. */
class TransactionTest {
    static final String REV = "00000007-abcdef";
    static final String M = "@@mb-" + REV + " ";
    static final String BACKUP = "/config/metalboot/backup/" + REV;
    static final String STEPS = M + "step prepare\n" + M + "step watchdog\n" + M + "step lock\n" + M + "step snapshot\n" + M
            + "step commit\n";
    static final Answer COMMITTED = Answer.of(0, STEPS + M + "committed\n", "");
    static final Optional<Reading> VERIFIED = Optional.of(FakeRouter.reading(true, List.of()));
    static final String SETTLE = "run 'metalboot plan' after that: it reads the router's record and settles revision 0007.";
    static final String UNKNOWN = "The router's state is unknown. To recover, log in to the router and run: sh " + BACKUP
            + "/revert.sh";

    /** {@code message} is exact, or a prefix when it ends with {@code …} (the rest names a clock time). */
    record Case(String name, List<Answer> scripts, Optional<Reading> reading, Optional<Answer> readFailure, Outcome outcome,
            String message, int sent) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Answer finished(int status, String outcome) {
        return Answer.of(0, M + "finished " + status + " " + outcome + "\n", "");
    }

    static Case verified(String name, Answer finish, Outcome outcome, String message) {
        return new Case(name, List.of(COMMITTED, finish), VERIFIED, Optional.empty(), outcome, message, 2);
    }

    static Case begin(String name, Answer begin, Outcome outcome, String message) {
        return new Case(name, List.of(begin), Optional.empty(), Optional.empty(), outcome, message, 1);
    }

    static Stream<Case> cases() {
        String notRunning = "the DHCP daemon is not running after the commit";
        return Stream.of(
                verified("confirmed", finished(0, "applied"), Outcome.APPLIED, ""),
                begin("locked", Answer.of(3, M + "step prepare\n" + M + "step lock\n" + M + "locked\nbob@desk 4242 rev=1 1000\n\n"
                        + M + "now 1090\n" + M + "finished 22 released\n", ""), Outcome.FAILED,
                        "the router is locked by another apply: bob@desk 4242 rev=1 for 90 s; nothing was changed. Wait for it"
                                + " to finish, or if it died, run apply again with --break-lock"),
                begin("prepare failed", Answer.of(5, M + "step prepare\n" + M + "prepare-failed\n", "sh: can't create: No space"),
                        Outcome.FAILED, "could not write metalboot's transaction files to " + BACKUP + " on the router: sh: can't"
                                + " create: No space (nothing was changed; free space there and apply again)"),
                begin("lock failed", Answer.of(5, STEPS + M + "lock-failed\n", "mv: No space"), Outcome.FAILED,
                        "could not take the router lock: mv: No space (nothing was changed; free space in /config/metalboot and"
                                + " apply again)"),
                begin("snapshot failed", Answer.of(5, STEPS + M + "snapshot-failed\n", "cp: No space"), Outcome.FAILED,
                        "could not snapshot the router's configuration to " + BACKUP + ": cp: No space (nothing was changed;"
                                + " free space on the router and apply again)"),
                begin("staged by someone else", Answer.of(4, M + "step lock\n" + M + "foreign\ndhcp.lan.start='5'\n", ""),
                        Outcome.FAILED, "uci has changes to dhcp staged by someone else: dhcp.lan.start='5' (nothing was changed;"
                                + " commit or revert them with 'uci commit dhcp' or 'uci revert dhcp' on the router, then apply"
                                + " again)"),
                begin("commit failed, reverted", Answer.of(6, STEPS + M + "commit-failed\n" + M + "finished 20 reverted\n",
                        "Commit failed"), Outcome.REVERTED, "reverted: the commit failed on the router: Commit failed"),
                begin("commit failed, revert failed", Answer.of(6, STEPS + M + "commit-failed\n" + M + "finished 21 revert-failed\n",
                        "Commit failed"), Outcome.UNKNOWN, "the commit failed on the router: Commit failed; then the revert failed"
                                + " too (Commit failed). " + UNKNOWN),
                begin("begin ended early", Answer.of(1, STEPS, "sh: oops"), Outcome.UNKNOWN,
                        "the commit script ended with status 1 before committing: sh: oops; the router's watchdog reverts the"
                                + " change by itself by …"),
                begin("lost during begin", Answer.lost("connection reset"), Outcome.UNKNOWN, "lost the router during the commit"
                        + " step (last step seen: none; connection reset). Whatever this apply changed there, the router's watchdog"
                        + " undoes about 120 s after that step ends, and it releases the lock; " + SETTLE),
                new Case("daemon down after the commit", List.of(COMMITTED, finished(20, "reverted")),
                        Optional.of(FakeRouter.reading(false, List.of())), Optional.empty(), Outcome.REVERTED, "reverted: " + notRunning, 2),
                new Case("configuration not as planned", List.of(COMMITTED, finished(20, "reverted")),
                        Optional.of(FakeRouter.reading(true, List.of("set x"))), Optional.empty(), Outcome.REVERTED,
                        "reverted: the router does not hold the planned configuration after the commit:\n", 2),
                new Case("verify read fails", List.of(COMMITTED, finished(20, "reverted")), VERIFIED,
                        Optional.of(Answer.failing("bad marker")), Outcome.REVERTED, "reverted: reading the router back failed: bad"
                                + " marker", 2),
                new Case("lost while verifying", List.of(COMMITTED), VERIFIED, Optional.of(Answer.lost("reset")), Outcome.UNKNOWN,
                        "lost the router while verifying (reset); the router's watchdog reverts the change by itself by …", 1),
                verified("lost while confirming", Answer.lost("reset"), Outcome.UNKNOWN, "lost the router while asking it to"
                        + " confirm (reset). If the confirm had started there it completes by itself and the router holds the new"
                        + " configuration; otherwise the router's watchdog reverts it by …"),
                verified("confirm saved nothing", finished(20, "reverted"), Outcome.REVERTED, "reverted: the confirm could not"
                        + " save the configuration or write the state file"),
                verified("watchdog first", finished(24, "reverted watchdog"), Outcome.REVERTED, "reverted: the confirm came too"
                        + " late: the router's watchdog had already reverted the change when it arrived (the confirm timeout is 120"
                        + " s; give more with --confirm-timeout)"),
                verified("lock broken meanwhile", finished(23, "lost-lock carol@box 9 rev=8"), Outcome.SUPERSEDED,
                        "another run broke this apply's lock before it ended (the lock is now held by carol@box 9 rev=8): this"
                                + " apply was neither confirmed nor reverted, and the router holds what that run made of it. Run"
                                + " 'metalboot plan' to see it."),
                verified("decision not recorded", finished(25, ""), Outcome.UNKNOWN, "could not record the decision on the"
                        + " router (is " + BACKUP + " writable and not full?); the router's watchdog reverts the change by itself"
                        + " about 120 s after the commit step and releases the lock; " + SETTLE),
                verified("no verdict", Answer.of(0, "", ""), Outcome.UNKNOWN, "the router did not report how the transaction"
                        + " ended; " + SETTLE));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void eachAnswerHasItsOutcomeAndMessage(Case c) {
        FakeRouter router = new FakeRouter(c.scripts(), c.reading(), c.readFailure());
        List<String> progress = new ArrayList<>();
        TransactionResult result = Transaction.apply(router, FakeRouter.plan(), FakeRouter.STEPS, "0007", REV,
                new Transaction.Options("me@here 1", Duration.ofSeconds(120), false), router, progress::add);
        assertEquals(c.outcome(), result.outcome(), result.message());
        if (c.message().endsWith("…")) {
            String prefix = c.message().substring(0, c.message().length() - 1);
            assertTrue(result.message().startsWith(prefix), () -> "expected to start with\n" + prefix + "\nbut was\n" + result.message());
        } else {
            assertEquals(c.message(), result.message());
        }
        assertEquals(c.sent(), router.received().size());
        assertEquals(router.received(), result.scripts());
        assertEquals(BACKUP + "/revert.sh", result.revertScript());
        assertTrue(progress.get(0).startsWith("locking, snapshotting, arming the watchdog (120 s)"), progress.get(0));
    }
}
