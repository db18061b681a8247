package io.metalboot.router.transaction;

import static io.metalboot.router.plan.ReadScript.quote;

import io.metalboot.router.dialect.KindSteps;
import java.util.List;

/**
 * The three scripts a transaction leaves in its backup directory {@code B} on the router, written
 * before it takes the lock:
 * <ul>
 * <li>{@code watchdog.sh PID}: started detached before the lock; waits for the begin shell PID to
 * end (however it ends), then for the confirm timeout, then runs {@code finish.sh watchdog}.</li>
 * <li>{@code finish.sh ACTION}: the one place the transaction is decided, always run detached so a
 * dropped connection cannot cut it short. {@code mkdir B/decided} is the atomic compare-and-set:
 * only the first of the confirm, an immediate revert and the watchdog gets it; the others exit 24
 * and do nothing. The winner confirms (save, state file, unlock) or reverts, and writes one line to
 * {@code B/outcome}. Its exit status says the same when the disk is too full to write it.</li>
 * <li>{@code revert.sh}: restores the snapshot and releases the lock; it exists only once the
 * snapshot is complete (renamed into place), so its absence means nothing was changed.</li>
 * </ul>
 */
final class RouterScripts {
    /** finish.sh exit statuses: how the transaction was decided. */
    static final int APPLIED = 0;
    static final int REVERTED = 20;
    static final int REVERT_FAILED = 21;
    static final int RELEASED = 22;
    static final int LOST_LOCK = 23;
    static final int DECIDED_BEFORE = 24;
    static final int UNDECIDABLE = 25;

    private final String rev;
    private final String backup;
    private final String lockDir;
    private final String stateFile;
    private final KindSteps steps;
    private final List<String> tracked;

    RouterScripts(String rev, String backup, String lockDir, String stateFile, KindSteps steps, List<String> tracked) {
        this.rev = rev;
        this.backup = backup;
        this.lockDir = lockDir;
        this.stateFile = stateFile;
        this.steps = steps;
        this.tracked = tracked;
    }

    private String b(String name) {
        return quote(backup + "/" + name);
    }

    /** True when the lock's owner line names this transaction. */
    private String ownFunction() {
        return "mb_own() { grep -q -F " + quote(" rev=" + rev + " ") + " " + quote(lockDir + "/owner") + " 2>/dev/null; }\n";
    }

    String watchdog(long timeoutSeconds) {
        return "echo $$ > " + b("watchdog.pid") + "\nmb_n=0\n"
                + "while kill -0 \"$1\" 2>/dev/null && [ $mb_n -lt 86400 ]; do sleep 1; mb_n=$((mb_n+1)); done\n"
                + "sleep " + timeoutSeconds + "\n"
                + "sh " + b("finish.sh") + " watchdog\n";
    }

    String finish(int backupsKept) {
        String dir = quote(backup.substring(0, backup.lastIndexOf('/')));
        StringBuilder s = new StringBuilder(ownFunction());
        s.append("mb_end() { echo \"$2\" > ").append(b("outcome")).append("; exit $1; }\n");
        s.append("mb_prune() { set -- $(ls -1 ").append(dir).append("); while [ $# -gt ").append(backupsKept)
                .append(" ]; do [ \"$1\" = ").append(quote(rev)).append(" ] || rm -rf ").append(dir).append("/\"$1\"; shift; done; }\n");
        s.append("if mb_e=$(mkdir ").append(b("decided")).append(" 2>&1); then :; else\n");
        s.append("  case \"$mb_e\" in *[Ee]xists*) exit ").append(DECIDED_BEFORE).append(";; esac\n");
        // a decision that cannot be recorded (disk full): the confirm gives up, the watchdog reverts all the same
        s.append("  [ \"$1\" = watchdog ] || exit ").append(UNDECIDABLE).append("\nfi\n");
        s.append("echo \"$1 $(date -u +%s)\" > ").append(b("decided/by")).append('\n');
        s.append("if [ ! -f ").append(b("revert.sh")).append(" ]; then mb_own && rm -rf ").append(quote(lockDir))
                .append("; mb_end ").append(RELEASED).append(" released; fi\n");
        s.append("mb_own || mb_end ").append(LOST_LOCK).append(" \"lost-lock $(head -n 1 ").append(quote(lockDir + "/owner"))
                .append(" 2>/dev/null || echo nobody)\"\n");
        s.append("if [ \"$1\" = confirm ]; then\n  mb_ok=1\n");
        s.append(steps.save(backup).indent(2));
        s.append("  if [ $mb_ok = 1 ]; then cp ").append(b("state.new")).append(' ').append(quote(stateFile + ".mb-new")).append(" 2>")
                .append(b("state.err")).append(" && mv ").append(quote(stateFile + ".mb-new")).append(' ').append(quote(stateFile))
                .append(" 2>>").append(b("state.err")).append(" || { mb_ok=0; rm -f ").append(quote(stateFile + ".mb-new")).append("; }; fi\n");
        s.append("  if [ $mb_ok = 1 ]; then echo applied > ").append(b("outcome")).append("; rm -rf ").append(quote(lockDir))
                .append("; mb_prune; exit ").append(APPLIED).append("; fi\nfi\n");
        s.append("if sh ").append(b("revert.sh")).append(" > ").append(b("revert.log")).append(" 2>&1; then mb_prune; mb_end ")
                .append(REVERTED).append(" \"reverted by $1\"; fi\n");
        s.append("mb_end ").append(REVERT_FAILED).append(" \"revert-failed by $1\"\n");
        return s.toString();
    }

    /**
     * Restores the snapshot: each tracked file whose bytes differ (through a temporary file, never
     * truncating it; an upload's temporary file left by a cut-off commit goes), the running
     * configuration, the daemon; releases the lock.
     */
    String revert() {
        String owner = quote(lockDir + "/owner");
        StringBuilder s = new StringBuilder(ownFunction());
        s.append("mb_own || { echo \"not reverting: the router lock is no longer held by transaction ").append(rev)
                .append(" (held by: $(cat ").append(owner).append(" 2>/dev/null || echo nobody)); reverted already, or another run broke")
                .append(" the lock\" >&2; exit 1; }\n");
        s.append("mb_same() { [ -f \"$2\" ] && [ \"$(md5sum < \"$1\")\" = \"$(md5sum < \"$2\")\" ]; }\n");
        s.append("mb_f=0\n");
        for (int i = 0; i < tracked.size(); i++) {
            String saved = b("f" + i);
            String path = quote(tracked.get(i));
            String tmp = quote(tracked.get(i) + ".mb-new");
            s.append("rm -f ").append(tmp).append("\n");
            s.append("if [ -f ").append(saved).append(" ]; then mb_same ").append(saved).append(' ').append(path).append(" || { cp ")
                    .append(saved).append(' ').append(tmp).append(" && mv ").append(tmp).append(' ').append(path)
                    .append("; } || { rm -f ").append(tmp).append("; mb_f=1; }; else rm -f ").append(path).append(" || mb_f=1; fi\n");
        }
        s.append(steps.restore(backup));
        s.append("rm -rf ").append(quote(lockDir)).append('\n');
        s.append("exit $mb_f\n");
        return s.toString();
    }
}
