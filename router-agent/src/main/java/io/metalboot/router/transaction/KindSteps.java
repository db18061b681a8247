package io.metalboot.router.transaction;

import static io.metalboot.router.plan.ReadScript.quote;

import io.metalboot.router.plan.Plan;
import io.metalboot.router.plan.RouterKind;
import java.util.List;

/**
 * What one router kind adds to the transaction's shell scripts: the files it snapshots besides the
 * uploads and the state file, how it commits a plan, restores a snapshot and saves at the confirm.
 * Fragments set {@code mb_ok=0} (commit, snapshot, save) or {@code mb_f=1} (restore) on failure.
 */
interface KindSteps {
    /** Router files snapshotted and restored byte for byte besides the plan's uploads and the state file. */
    List<String> trackedFiles();

    /** Extra snapshot commands into {@code backup}. */
    String snapshot(String backup);

    /** Stages and commits {@code plan}'s commands and reloads the DHCP daemon. */
    String commit(Plan plan, String backup);

    /** Makes the running configuration the snapshot's again, after the tracked files are back. */
    String restore(String backup);

    /** Makes the committed configuration survive a reboot, at the confirm (output to {@code backup/save.log}). */
    String save(String backup);

    /** The files the confirm rewrites, read back after it. */
    List<String> writtenAtConfirm();

    static KindSteps of(RouterKind kind) {
        return switch (kind) {
            case EDGEOS -> new EdgeosSteps();
            case OPENWRT -> new OpenwrtSteps();
        };
    }

    /** EdgeOS: {@code vyatta-cfg-cmd-wrapper} sessions in the script's own shell (the session is the parent pid). */
    final class EdgeosSteps implements KindSteps {
        static final String WRAPPER = "/opt/vyatta/sbin/vyatta-cfg-cmd-wrapper";
        static final String DHCPD_INIT = "/opt/vyatta/sbin/dhcpd.init";
        static final String CONFIG_BOOT = "/config/config.boot";
        /** Where the wrapper's commit writes everything it says (vyatta-cfg-cmd-wrapper: {@code my_commit >> $LOGFILE}). */
        static final String COMMIT_LOG = "/var/log/vyatta/vyatta-commit.log";

        @Override
        public List<String> trackedFiles() {
            return List.of(CONFIG_BOOT);
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
            return List.of(CONFIG_BOOT, RouterKind.EDGEOS.stateFile());
        }
    }

    /** OpenWrt: {@code uci batch}, {@code uci commit dhcp} (which writes /etc/config/dhcp) and a dnsmasq reload. */
    final class OpenwrtSteps implements KindSteps {
        static final String DHCP = "/etc/config/dhcp";

        @Override
        public List<String> trackedFiles() {
            return List.of(DHCP);
        }

        @Override
        public String snapshot(String backup) {
            return "";
        }

        @Override
        public String commit(Plan plan, String backup) {
            StringBuilder s = new StringBuilder();
            if (!plan.commands().isEmpty()) {
                String err = quote(backup + "/batch.err");
                s.append("if [ $mb_ok = 1 ]; then uci batch 2>").append(err).append(" <<'MB_EOF'\n")
                        .append(String.join("\n", plan.commands())).append("\nMB_EOF\n");
                s.append("if [ -s ").append(err).append(" ]; then cat ").append(err).append(" 1>&2; mb_ok=0; fi; fi\n");
                // uci says only "I/O error" when it cannot write: a probe write beside the file names the cause
                s.append("if [ $mb_ok = 1 ]; then uci commit dhcp 1>&2 || { mb_ok=0; : > /etc/config/.metalboot-probe; rm -f")
                        .append(" /etc/config/.metalboot-probe; }; fi\n");
            }
            return s.append("if [ $mb_ok = 1 ]; then /etc/init.d/dnsmasq reload 1>&2 || mb_ok=0; fi\n").toString();
        }

        @Override
        public String restore(String backup) {
            return "uci revert dhcp || mb_f=1\n/etc/init.d/dnsmasq reload || mb_f=1\n";
        }

        @Override
        public String save(String backup) {
            return "";
        }

        @Override
        public List<String> writtenAtConfirm() {
            return List.of(RouterKind.OPENWRT.stateFile());
        }
    }
}
