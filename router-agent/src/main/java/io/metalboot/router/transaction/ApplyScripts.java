package io.metalboot.router.transaction;

import static io.metalboot.router.plan.ReadScript.quote;

import io.metalboot.router.plan.Ownership;
import io.metalboot.router.plan.Plan;
import io.metalboot.router.plan.ReadScript;
import io.metalboot.router.plan.RouterKind;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The shell scripts of one transaction, each sent in one exec whatever the plan size: {@link #begin}
 * (lock, snapshot, revert script, watchdog, upload, stage, commit; reverts at once when the commit
 * fails), {@link #revertNow} and {@link #confirm}. Lines starting with {@code @@mb-REV } tell the Java
 * side which step was reached. Only the shell subset of integration-tests/SHELL.md.
 */
final class ApplyScripts {
    static final String WRAPPER = "/opt/vyatta/sbin/vyatta-cfg-cmd-wrapper";
    static final String DHCPD_INIT = "/opt/vyatta/sbin/dhcpd.init";
    static final String OPENWRT_DHCP = "/etc/config/dhcp";
    static final String EDGEOS_CONFIG_BOOT = "/config/config.boot";
    /** Where the wrapper's commit writes everything it says (vyatta-cfg-cmd-wrapper: {@code my_commit >> $LOGFILE}). */
    static final String COMMIT_LOG = "/var/log/vyatta/vyatta-commit.log";

    private final Plan plan;
    private final RouterKind kind;
    private final String rev;
    private final String backup;
    private final List<String> tracked;

    ApplyScripts(Plan plan, String rev) {
        if (!rev.matches("[0-9A-Za-z-]+")) {
            throw new IllegalArgumentException("a transaction id is letters, digits and '-': " + rev);
        }
        this.plan = plan;
        this.kind = plan.router();
        this.rev = rev;
        this.backup = kind.stateDir() + "/backup/" + rev;
        TreeSet<String> files = new TreeSet<>(plan.uploads().keySet());
        files.addAll(plan.fileDeletions());
        files.add(kind.stateFile());
        if (kind == RouterKind.OPENWRT) {
            files.add(OPENWRT_DHCP);
        }
        this.tracked = List.copyOf(files);
    }

    /** How the lock's owner file names this transaction, so a late revert never acts on someone else's lock. */
    String lockTag() {
        return "rev=" + rev;
    }

    /** Backups kept on the router (each holds the DHCP files and, on EdgeOS, a config.boot). */
    static final int BACKUPS_KEPT = 10;

    String marker() {
        return "@@mb-" + rev + " ";
    }

    String revertScript() {
        return backup + "/revert.sh";
    }

    private String confirmFile() {
        return kind.stateDir() + "/confirm-" + rev;
    }

    /** Stops the watchdog: the confirm file first (it checks that after its sleep), then its pid. */
    private String disarm() {
        return "touch " + quote(confirmFile()) + "; kill $(cat " + quote(backup + "/watchdog.pid") + ") 2>/dev/null\n";
    }

    private String echo(String what) {
        return "echo " + quote(marker() + what) + "\n";
    }

    String begin(String owner, long timeoutSeconds, boolean breakLock) {
        String lock = quote(kind.lockDir());
        StringBuilder s = new StringBuilder();
        s.append("mkdir -p ").append(quote(kind.stateDir() + "/backup")).append('\n');
        s.append("if mkdir ").append(lock).append(" 2>/dev/null; then :; else\n");
        if (breakLock) {
            s.append("  ").append(echo("broke-lock").strip()).append("; cat ").append(quote(kind.lockDir() + "/owner"))
                    .append(" 2>/dev/null; echo; rm -rf ").append(lock).append("; mkdir ").append(lock).append(" || exit 3\n");
        } else {
            s.append("  ").append(echo("locked").strip()).append("; cat ").append(quote(kind.lockDir() + "/owner"))
                    .append(" 2>/dev/null; echo; echo \"").append(marker()).append("now $(date -u +%s)\"; exit 3\n");
        }
        s.append("fi\n");
        s.append("printf '%s %s\\n' ").append(quote(owner + " " + lockTag())).append(" \"$(date -u +%s)\" > ")
                .append(quote(kind.lockDir() + "/owner")).append('\n');
        if (kind == RouterKind.OPENWRT) {
            s.append("mb_c=$(uci changes dhcp 2>&1)\n");
            s.append("if [ -n \"$mb_c\" ]; then ").append(echo("foreign").strip()).append("; echo \"$mb_c\"; rm -rf ")
                    .append(lock).append("; exit 4; fi\n");
        }
        s.append(echo("step snapshot"));
        s.append("mb_ok=1\nmkdir -p ").append(quote(backup)).append(" || mb_ok=0\n");
        for (int i = 0; i < tracked.size(); i++) {
            s.append("if [ -f ").append(quote(tracked.get(i))).append(" ]; then cp ").append(quote(tracked.get(i))).append(' ')
                    .append(quote(backup + "/f" + i)).append(" || mb_ok=0; fi\n");
        }
        if (kind == RouterKind.EDGEOS) {
            s.append(WRAPPER).append(" begin\n").append(WRAPPER).append(" save ").append(quote(backup + "/config.boot"))
                    .append(" >/dev/null || mb_ok=0\n").append(WRAPPER).append(" end\n");
        }
        s.append("printf '%s' ").append(quote(revertBody())).append(" > ").append(quote(revertScript())).append(" || mb_ok=0\n");
        s.append("if [ $mb_ok = 0 ]; then ").append(echo("snapshot-failed").strip()).append("; rm -rf ").append(lock)
                .append("; exit 5; fi\n");
        s.append(echo("step watchdog"));
        s.append("nohup sh -c ").append(quote("sleep " + timeoutSeconds + "; [ -e " + confirmFile() + " ] || sh "
                + revertScript() + " > " + backup + "/watchdog.log 2>&1")).append(" >/dev/null 2>&1 &\n");
        s.append("echo $! > ").append(quote(backup + "/watchdog.pid")).append('\n');
        s.append(echo("step commit"));
        plan.uploads().forEach((path, content) -> s.append("printf '%s' ").append(quote(content)).append(" > ")
                .append(quote(path)).append(" || mb_ok=0\n"));
        plan.fileDeletions().forEach(path -> s.append("rm -f ").append(quote(path)).append(" || mb_ok=0\n"));
        s.append(kind == RouterKind.EDGEOS ? edgeosCommit() : openwrtCommit());
        s.append("if [ $mb_ok = 1 ]; then ").append(echo("committed").strip()).append("; exit 0; fi\n");
        s.append(echo("commit-failed"));
        s.append(runRevert());
        s.append(disarm());
        s.append("exit 6\n");
        return s.toString();
    }

    private String edgeosCommit() {
        StringBuilder s = new StringBuilder();
        if (plan.commands().isEmpty()) {
            return "if [ $mb_ok = 1 ]; then " + DHCPD_INIT + " restart 1>&2 || mb_ok=0; fi\n";
        }
        s.append("if [ $mb_ok = 1 ]; then\n").append(WRAPPER).append(" begin\n");
        plan.commands().forEach(line -> s.append(WRAPPER).append(' ').append(line).append(" 1>&2 || mb_ok=0\n"));
        s.append("if [ $mb_ok = 1 ]; then ").append(logMark()).append(WRAPPER).append(" commit 1>&2 || { mb_ok=0; ")
                .append(logSince()).append("; }; fi\n");
        s.append(WRAPPER).append(" end\nfi\n");
        return s.toString();
    }

    /** Counts the commit log's lines before a commit: the wrapper prints nothing, a failure's reason is only in the log. */
    private static String logMark() {
        return "mb_log=0; [ -f " + COMMIT_LOG + " ] && mb_log=$(wc -l < " + COMMIT_LOG + "); ";
    }

    /** What the commit wrote to the log (after {@link #logMark}), on stderr. */
    private static String logSince() {
        return "tail -n +$((mb_log + 1)) " + COMMIT_LOG + " 1>&2";
    }

    private String openwrtCommit() {
        StringBuilder s = new StringBuilder();
        if (!plan.commands().isEmpty()) {
            String err = quote(backup + "/batch.err");
            s.append("uci batch 2>").append(err).append(" <<'MB_EOF'\n").append(String.join("\n", plan.commands()))
                    .append("\nMB_EOF\n");
            s.append("if [ -s ").append(err).append(" ]; then cat ").append(err).append(" 1>&2; mb_ok=0; fi\n");
            s.append("if [ $mb_ok = 1 ]; then uci commit dhcp 1>&2 || mb_ok=0; fi\n");
        }
        s.append("if [ $mb_ok = 1 ]; then /etc/init.d/dnsmasq reload 1>&2 || mb_ok=0; fi\n");
        return s.toString();
    }

    private String runRevert() {
        String log = quote(backup + "/revert.log");
        return "if sh " + quote(revertScript()) + " > " + log + " 2>&1; then " + echo("reverted").strip() + "; else "
                + echo("revert-failed").strip() + "; cat " + log + "; fi\n";
    }

    /** The router-side revert: restore the snapshot files, the configuration, restart the daemon, release the lock. */
    String revertBody() {
        String owner = quote(kind.lockDir() + "/owner");
        StringBuilder s = new StringBuilder();
        s.append("grep -q -F ").append(quote(" " + lockTag() + " ")).append(' ').append(owner).append(" 2>/dev/null || { echo \"not reverting: ")
                .append("the router lock is no longer held by transaction ").append(rev).append(" (held by: $(cat ").append(owner)
                .append(" 2>/dev/null || echo nobody)); reverted already, or another run broke the lock\" >&2; exit 1; }\n");
        s.append("mb_f=0\n");
        for (int i = 0; i < tracked.size(); i++) {
            String saved = quote(backup + "/f" + i);
            String path = quote(tracked.get(i));
            s.append("if [ -f ").append(saved).append(" ]; then cp ").append(saved).append(' ').append(path)
                    .append(" || mb_f=1; else rm -f ").append(path).append("; fi\n");
        }
        if (kind == RouterKind.EDGEOS) {
            s.append(WRAPPER).append(" begin\n");
            s.append(WRAPPER).append(" load ").append(quote(backup + "/config.boot")).append(" || mb_f=1\n");
            // a snapshot equal to the active configuration leaves nothing to commit: not a failure. No $(…):
            // the wrapper finds its session by its parent's pid, which a subshell would change
            String out = quote(backup + "/commit.out");
            s.append(logMark()).append(WRAPPER).append(" commit > ").append(out).append(" 2>&1 || grep -q 'No configuration changes to commit' ").append(out)
                    .append(" || { cat ").append(out).append(" >&2; ").append(logSince()).append("; mb_f=1; }\n");
            s.append(WRAPPER).append(" save || mb_f=1\n");
            s.append(WRAPPER).append(" end\n");
            s.append(DHCPD_INIT).append(" restart || mb_f=1\n");
        } else {
            s.append("uci revert dhcp || mb_f=1\n");
            s.append("/etc/init.d/dnsmasq reload || mb_f=1\n");
        }
        s.append("rm -rf ").append(quote(kind.lockDir())).append('\n');
        s.append("exit $mb_f\n");
        return s.toString();
    }

    /**
     * Verification failed: revert now, then stop the watchdog, in one exec. In that order, a connection
     * lost half-way still leaves the watchdog armed (running revert.sh twice restores the same snapshot).
     */
    String revertNow() {
        return runRevert() + disarm();
    }

    /** Verified: stop the watchdog, save (EdgeOS), write the state file, release the lock. */
    String confirm(Ownership after) {
        StringBuilder s = new StringBuilder(disarm());
        s.append("mb_ok=1\n");
        if (kind == RouterKind.EDGEOS) {
            s.append(WRAPPER).append(" begin\n").append(WRAPPER).append(" save 1>&2 || mb_ok=0\n").append(WRAPPER).append(" end\n");
        }
        s.append("printf '%s' ").append(quote(after.toJson())).append(" > ").append(quote(kind.stateFile())).append(" || mb_ok=0\n");
        s.append("rm -rf ").append(quote(kind.lockDir())).append('\n');
        s.append(prune());
        s.append("echo \"").append(marker()).append("confirmed $mb_ok\"\n");
        ReadScript written = ReadScript.forKind(kind);
        writtenAtConfirm().forEach(written::file);
        s.append(written.build());
        return s.toString();
    }

    /** The files the confirm step rewrites (EdgeOS {@code save} rewrites config.boot), read back after it. */
    List<String> writtenAtConfirm() {
        return kind == RouterKind.EDGEOS ? List.of(EDGEOS_CONFIG_BOOT, kind.stateFile()) : List.of(kind.stateFile());
    }

    /** Removes all but the newest {@link #BACKUPS_KEPT} backups ({@code ls} sorts them: names start with the revision, zero-padded to 8 digits). */
    private String prune() {
        String dir = quote(kind.stateDir() + "/backup");
        return "set -- $(ls -1 " + dir + ")\n"
                + "while [ $# -gt " + BACKUPS_KEPT + " ]; do rm -rf " + dir + "/\"$1\"; shift; done\n";
    }

    List<String> markers(String stdout) {
        List<String> found = new ArrayList<>();
        stdout.lines().filter(l -> l.startsWith(marker())).forEach(l -> found.add(l.substring(marker().length())));
        return found;
    }
}
