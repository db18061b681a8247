package io.metalboot.router.edgeos;

import static io.metalboot.router.plan.ReadScript.quote;

import io.metalboot.router.dialect.KindSteps;
import io.metalboot.router.plan.Plan;
import io.metalboot.router.plan.RouterKind;
import java.util.List;
import java.util.Optional;

/** EdgeOS: {@code vyatta-cfg-cmd-wrapper} sessions in the script's own shell (the session is the parent pid). */
final class EdgeosSteps implements KindSteps {
    static final String WRAPPER = "/opt/vyatta/sbin/vyatta-cfg-cmd-wrapper";
    static final String DHCPD_INIT = "/opt/vyatta/sbin/dhcpd.init";
    /** Where the wrapper's commit writes everything it says (vyatta-cfg-cmd-wrapper: {@code my_commit >> $LOGFILE}). */
    static final String COMMIT_LOG = "/var/log/vyatta/vyatta-commit.log";

    @Override
    public List<String> trackedFiles() {
        return List.of(EdgeosLive.CONFIG_BOOT);
    }

    @Override
    public String snapshot(String backup) {
        return WRAPPER + " begin\n" + WRAPPER + " save " + quote(backup + "/config.boot") + " >/dev/null || mb_ok=0\n"
                + WRAPPER + " end\n";
    }

    @Override
    public String commit(Plan plan, String backup) {
        if (plan.commands().isEmpty()) {
            return "if [ $mb_ok = 1 ]; then " + DHCPD_INIT + " restart 1>&2 || mb_ok=0; fi\n";
        }
        StringBuilder s = new StringBuilder("if [ $mb_ok = 1 ]; then\n").append(WRAPPER).append(" begin\n");
        plan.commands().forEach(line -> s.append(WRAPPER).append(' ').append(line).append(" 1>&2 || mb_ok=0\n"));
        s.append("if [ $mb_ok = 1 ]; then ").append(logMark()).append(WRAPPER).append(" commit 1>&2 || { mb_ok=0; ")
                .append(logSince()).append("; }; fi\n");
        return s.append(WRAPPER).append(" end\nfi\n").toString();
    }

    /** Counts the commit log's lines before a commit: the wrapper prints nothing, a failure's reason is only in the log. */
    private static String logMark() {
        return "mb_log=0; [ -f " + COMMIT_LOG + " ] && mb_log=$(wc -l < " + COMMIT_LOG + "); ";
    }

    /** What the commit wrote to the log (after {@link #logMark}), on stderr. */
    private static String logSince() {
        return "tail -n +$((mb_log + 1)) " + COMMIT_LOG + " 1>&2";
    }

    @Override
    public String restore(String backup) {
        // a snapshot equal to the active configuration leaves nothing to commit: not a failure. No $(…):
        // the wrapper finds its session by its parent's pid, which a subshell would change
        String out = quote(backup + "/commit.out");
        return WRAPPER + " begin\n"
                + WRAPPER + " load " + quote(backup + "/config.boot") + " || mb_f=1\n"
                + logMark() + WRAPPER + " commit > " + out + " 2>&1 || grep -q 'No configuration changes to commit' " + out
                + " || { cat " + out + " >&2; " + logSince() + "; mb_f=1; }\n"
                + WRAPPER + " end\n"
                + DHCPD_INIT + " restart || mb_f=1\n";
    }

    @Override
    public String save(String backup) {
        return WRAPPER + " begin\n" + WRAPPER + " save > " + quote(backup + "/save.log") + " 2>&1 || mb_ok=0\n" + WRAPPER + " end\n";
    }

    @Override
    public List<String> writtenAtConfirm() {
        return List.of(EdgeosLive.CONFIG_BOOT, RouterKind.EDGEOS.stateFile());
    }

    @Override
    public Optional<String> stagedChanges() {
        return Optional.empty();
    }
}
