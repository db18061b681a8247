package io.metalboot.router.transaction;

import static io.metalboot.router.plan.ReadScript.quote;

import io.metalboot.router.dialect.KindSteps;
import io.metalboot.router.plan.Ownership;
import io.metalboot.router.plan.Plan;
import io.metalboot.router.plan.ReadScript;
import io.metalboot.router.plan.RouterKind;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The shell scripts of one transaction, each sent in one exec whatever the plan size: {@link #begin}
 * (prepare, watchdog, lock, snapshot, upload, commit), {@link #finish} (confirm or revert now). Lines
 * starting with {@code @@mb-REV } tell the Java side which step was reached; the decision itself is
 * made on the router by {@code finish.sh} (see {@link RouterScripts}). Only the shell subset of
 * simulator/SHELL.md.
 */
final class ApplyScripts {
    /** Backups kept on the router (each holds the DHCP files and, on EdgeOS, a config.boot). */
    static final int BACKUPS_KEPT = 10;

    private final Plan plan;
    private final RouterKind kind;
    private final KindSteps steps;
    private final String rev;
    private final String backup;
    private final List<String> tracked;
    private final RouterScripts router;

    ApplyScripts(Plan plan, KindSteps steps, String rev) {
        if (!rev.matches("[0-9A-Za-z-]+")) {
            throw new IllegalArgumentException("a transaction id is letters, digits and '-': " + rev);
        }
        this.plan = plan;
        this.kind = plan.router();
        this.steps = steps;
        this.rev = rev;
        this.backup = kind.stateDir() + "/backup/" + rev;
        TreeSet<String> files = new TreeSet<>(plan.uploads().keySet());
        files.addAll(plan.fileDeletions());
        files.add(kind.stateFile());
        files.addAll(steps.trackedFiles());
        this.tracked = List.copyOf(files);
        this.router = new RouterScripts(rev, backup, kind.lockDir(), kind.stateFile(), steps, tracked);
    }

    /** How the lock's owner file names this transaction, so a late revert never acts on someone else's lock. */
    String lockTag() {
        return "rev=" + rev;
    }

    String marker() {
        return "@@mb-" + rev + " ";
    }

    String backupDir() {
        return backup;
    }

    String revertScript() {
        return backup + "/revert.sh";
    }

    private String b(String name) {
        return quote(backup + "/" + name);
    }

    private String echo(String what) {
        return "echo " + quote(marker() + what) + "\n";
    }

    /**
     * {@code mb_finish ACTION}: runs finish.sh detached and waits for it; when another decider won,
     * waits (bounded) for its outcome; prints {@code finished STATUS OUTCOME}.
     */
    private String finishFunction() {
        return "mb_finish() {\n"
                + "  nohup sh " + b("finish.sh") + " \"$1\" >/dev/null 2>&1 &\n"
                + "  wait $!; mb_st=$?; mb_n=0\n"
                + "  while [ $mb_st = " + RouterScripts.DECIDED_BEFORE + " ] && [ ! -f " + b("outcome") + " ] && [ $mb_n -lt 600 ];"
                + " do sleep 1; mb_n=$((mb_n+1)); done\n"
                + "  echo \"" + marker() + "finished $mb_st $(cat " + b("outcome") + " 2>/dev/null)\"\n"
                + "}\n";
    }

    String begin(String owner, Ownership after, long timeoutSeconds, boolean breakLock) {
        String lock = quote(kind.lockDir());
        StringBuilder s = new StringBuilder(finishFunction());
        s.append(echo("step prepare"));
        s.append("{ mkdir -p ").append(quote(kind.stateDir() + "/backup")).append(" && mkdir ").append(quote(backup))
                .append(" && printf '%s' ").append(quote(router.watchdog(timeoutSeconds))).append(" > ").append(b("watchdog.sh"))
                .append(" && printf '%s' ").append(quote(router.finish(BACKUPS_KEPT))).append(" > ").append(b("finish.sh"))
                .append(" && printf '%s' ").append(quote(router.revert())).append(" > ").append(b("revert.new"))
                .append(" && printf '%s' ").append(quote(after.toJson())).append(" > ").append(b("state.new"))
                .append(" && printf '%s %s\\n' ").append(quote(owner + " " + lockTag())).append(" \"$(date -u +%s)\" > ")
                .append(b("owner")).append("; } || { ").append(echo("prepare-failed").strip()).append("; rm -rf ").append(quote(backup))
                .append("; exit 5; }\n");
        s.append(echo("step watchdog"));
        s.append("nohup sh ").append(b("watchdog.sh")).append(" $$ >/dev/null 2>&1 &\n");
        s.append(echo("step lock"));
        s.append("if [ -d ").append(lock).append(" ]; then\n");
        if (breakLock) {
            s.append("  ").append(echo("broke-lock").strip()).append("; cat ").append(quote(kind.lockDir() + "/owner"))
                    .append(" 2>/dev/null; echo; rm -rf ").append(lock).append('\n');
        } else {
            s.append("  ").append(locked()).append('\n');
        }
        s.append("fi\n");
        // the lock appears whole, owner included: a rename of a directory made aside. If another run
        // took it meanwhile, mv puts ours inside theirs, and the owner line tells
        s.append("mkdir ").append(b("lk")).append(" && cp ").append(b("owner")).append(' ').append(b("lk/owner")).append(" && mv ")
                .append(b("lk")).append(' ').append(lock).append(" || { ").append(echo("lock-failed").strip())
                .append("; mb_finish abort; exit 5; }\n");
        s.append("grep -q -F ").append(quote(" " + lockTag() + " ")).append(' ').append(quote(kind.lockDir() + "/owner"))
                .append(" 2>/dev/null || { rm -rf ").append(quote(kind.lockDir() + "/lk")).append("; ").append(locked()).append(" }\n");
        steps.stagedChanges().ifPresent(command -> {
            s.append("mb_c=$(").append(command).append(" 2>&1)\n");
            s.append("if [ -n \"$mb_c\" ]; then ").append(echo("foreign").strip()).append("; echo \"$mb_c\"; mb_finish abort; exit 4; fi\n");
        });
        s.append(echo("step snapshot"));
        s.append("mb_ok=1\n");
        for (int i = 0; i < tracked.size(); i++) {
            s.append("if [ -f ").append(quote(tracked.get(i))).append(" ]; then cp ").append(quote(tracked.get(i))).append(' ')
                    .append(b("f" + i)).append(" || mb_ok=0; fi\n");
        }
        s.append(steps.snapshot(backup));
        s.append("if [ $mb_ok = 1 ]; then mv ").append(b("revert.new")).append(' ').append(b("revert.sh")).append(" || mb_ok=0; fi\n");
        s.append("if [ $mb_ok = 0 ]; then ").append(echo("snapshot-failed").strip()).append("; mb_finish abort; exit 5; fi\n");
        s.append(echo("step commit"));
        plan.uploads().forEach((path, content) -> {
            String tmp = quote(path + ".mb-new");
            s.append("printf '%s' ").append(quote(content)).append(" > ").append(tmp).append(" && mv ").append(tmp).append(' ')
                    .append(quote(path)).append(" || { rm -f ").append(tmp).append("; mb_ok=0; }\n");
        });
        plan.fileDeletions().forEach(path -> s.append("rm -f ").append(quote(path)).append(" || mb_ok=0\n"));
        s.append(steps.commit(plan, backup));
        s.append("if [ $mb_ok = 1 ]; then ").append(echo("committed").strip()).append("; exit 0; fi\n");
        s.append(echo("commit-failed"));
        s.append("mb_finish revert\n");
        s.append("exit 6\n");
        return s.toString();
    }

    private String locked() {
        return echo("locked").strip() + "; cat " + quote(kind.lockDir() + "/owner") + " 2>/dev/null; echo; echo \"" + marker()
                + "now $(date -u +%s)\"; mb_finish abort; exit 3;";
    }

    /** Decides the transaction: {@code confirm} (verified) or {@code revert} (verification failed); reads back what the confirm wrote. */
    String finish(String action) {
        StringBuilder s = new StringBuilder(finishFunction());
        s.append("mb_finish ").append(action).append('\n');
        s.append("cat ").append(b("save.log")).append(' ').append(b("state.err")).append(' ').append(b("revert.log"))
                .append(" 1>&2 2>/dev/null\n");
        if (action.equals("confirm")) {
            ReadScript written = ReadScript.forKind(kind);
            steps.writtenAtConfirm().forEach(written::file);
            s.append(written.build());
        }
        return s.toString();
    }

    /** The files the confirm step rewrites, read back after it. */
    List<String> writtenAtConfirm() {
        return steps.writtenAtConfirm();
    }

    List<String> markers(String stdout) {
        List<String> found = new ArrayList<>();
        stdout.lines().filter(l -> l.startsWith(marker())).forEach(l -> found.add(l.substring(marker().length())));
        return found;
    }
}
