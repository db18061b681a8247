package io.metalboot.router.transaction;

import io.metalboot.router.RouterAgentException;
import io.metalboot.router.dialect.KindSteps;
import io.metalboot.router.plan.Ownership;
import io.metalboot.router.plan.Plan;
import io.metalboot.router.plan.RouterKind;
import io.metalboot.router.plan.TransactionRecords;
import io.metalboot.router.ssh.ExecResult;
import io.metalboot.router.ssh.RouterShell;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A router session that answers each script with the next scripted answer (a result, or a failure
 * to throw), and a reader that answers the verify read the same way. Each answer may drop the
 * connection first, so {@link #isConnected} tells.
 */
final class FakeRouter implements RouterShell, RouterReader {
    /** One answer: what the script printed, or the failure it ended with; {@code drops} ends the connection. */
    record Answer(Optional<ExecResult> result, Optional<RouterAgentException> failure, boolean drops) {
        static Answer of(int status, String stdout, String stderr) {
            return new Answer(Optional.of(new ExecResult(status, stdout, stderr)), Optional.empty(), false);
        }

        static Answer lost(String why) {
            return new Answer(Optional.empty(), Optional.of(new RouterAgentException(why)), true);
        }

        static Answer failing(String why) {
            return new Answer(Optional.empty(), Optional.of(new RouterAgentException(why)), false);
        }
    }

    /** The kind's steps as short placeholders, so the test reads the transaction's own lines. */
    static final KindSteps STEPS = new KindSteps() {
        @Override
        public List<String> trackedFiles() {
            return List.of("/config/config.boot");
        }

        @Override
        public String snapshot(String backup) {
            return "# snapshot\n";
        }

        @Override
        public String commit(Plan plan, String backup) {
            return "# commit\n";
        }

        @Override
        public String restore(String backup) {
            return "# restore\n";
        }

        @Override
        public String save(String backup) {
            return "# save\n";
        }

        @Override
        public List<String> writtenAtConfirm() {
            return List.of();
        }

        @Override
        public Optional<String> stagedChanges() {
            return Optional.empty();
        }
    };

    private final Deque<Answer> scripts;
    private final Optional<Reading> reading;
    private final Optional<Answer> readFailure;
    private final List<String> received = new ArrayList<>();
    private boolean connected = true;

    FakeRouter(List<Answer> scripts, Optional<Reading> reading, Optional<Answer> readFailure) {
        this.scripts = new ArrayDeque<>(scripts);
        this.reading = reading;
        this.readFailure = readFailure;
    }

    /** A plan with one command to send. */
    static Plan plan() {
        return new Plan(RouterKind.EDGEOS, List.of(), List.of(), List.of("set service dhcp-server x"), new TreeMap<>(), List.of(),
                Ownership.none(RouterKind.EDGEOS), Ownership.none(RouterKind.EDGEOS), List.of());
    }

    /** A verify read: nothing left to change unless {@code left} holds a command, and the daemon running or not. */
    static Reading reading(boolean daemonRunning, List<String> left) {
        Plan after = new Plan(RouterKind.EDGEOS, List.of(), List.of(), left, new TreeMap<>(), List.of(),
                Ownership.none(RouterKind.EDGEOS), Ownership.none(RouterKind.EDGEOS), List.of());
        return new Reading(after, daemonRunning, new TreeMap<>(Map.of("/config/config.boot", "new\n")), Optional.empty(),
                TransactionRecords.none());
    }

    List<String> received() {
        return received;
    }

    @Override
    public ExecResult exec(String script) {
        received.add(script);
        Answer next = scripts.remove();
        return answer(next);
    }

    @Override
    public Reading read(RouterShell session) {
        readFailure.ifPresent(this::answer);
        return reading.orElseThrow();
    }

    private ExecResult answer(Answer next) {
        if (next.drops()) {
            connected = false;
        }
        next.failure().ifPresent(e -> {
            throw e;
        });
        return next.result().orElseThrow();
    }

    @Override
    public boolean isConnected() {
        return connected;
    }
}
