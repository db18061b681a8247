package io.metalboot.sim.edgeos;

import io.metalboot.router.edgeos.ConfigChange;
import io.metalboot.router.edgeos.ConfigShow;
import io.metalboot.router.edgeos.ConfigTree;
import io.metalboot.sim.shell.Command;
import io.metalboot.sim.shell.Invocation;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code /opt/vyatta/sbin/vyatta-cfg-cmd-wrapper} (vyatta-cfg's wrapper script): the session is
 * {@code $PPID}, the shell running the script, unless {@code CMD_WRAPPER_SESSION_ID} names one.
 * {@code commit} sends the commit's output to {@code /var/log/vyatta/vyatta-commit.log}
 * ({@code my_commit ... >> $LOGFILE}), so it prints nothing, failed or not: exit status 1 is all a
 * failed one shows; {@code commit_with_error} runs {@code my_commit} on the caller's stdout. {@code show} ignores
 * its arguments, as the script does. {@code compare}, {@code commit-confirm N} and {@code confirm}
 * are not in the real wrapper; they are here as configure mode has them (without the prompt).
 */
final class CfgCmdWrapper implements Command {
    static final String PATH = "/opt/vyatta/sbin/vyatta-cfg-cmd-wrapper";

    private final EdgeosRouter router;

    CfgCmdWrapper(EdgeosRouter router) {
        this.router = router;
    }

    @Override
    public int run(Invocation invocation) {
        PrintStream out = invocation.stdout();
        PrintStream err = invocation.stderr();
        List<String> args = invocation.operands();
        String verb = args.isEmpty() ? "" : args.get(0);
        List<String> rest = args.isEmpty() ? List.of() : args.subList(1, args.size());
        String session = Optional.ofNullable(invocation.env().get("CMD_WRAPPER_SESSION_ID"))
                .filter(id -> !id.isEmpty()).orElse(String.valueOf(invocation.parentPid()));
        return switch (verb) {
            case "begin" -> {
                router.beginSession(session);
                yield 0;
            }
            case "end" -> router.endSession(session) ? 0 : 1;
            case "cleanup", "discard" -> discard(session, out, err);
            case "set", "delete", "comment" -> edit(session, verb, rest, out, err);
            case "show" -> {
                ConfigTree active = router.active();
                out.print(router.working(session).map(working -> ConfigShow.diff(active, working, List.of()))
                        .orElseGet(() -> ConfigShow.show(active, List.of())));
                yield 0;
            }
            case "commit" -> commit(session, err);
            case "commit_with_error" -> commitWithError(session, out);
            case "save" -> ConfigFiles.save(router, rest, out, err);
            case "load" -> router.inSession(session)
                    ? ConfigFiles.load(router, session, rest, Optional::empty, out, err)
                    : withoutSession("loadFile", err);
            case "compare" -> compare(router, session, out);
            case "commit-confirm" -> commitConfirm(session, rest, out, err);
            case "confirm" -> {
                List<String> lines = new ArrayList<>();
                router.confirm().confirm(lines);
                lines.forEach(out::println);
                yield 0;
            }
            default -> {
                out.println("Invalid command \"" + verb + "\" for vyatta-cfg-cmd-wrapper");
                yield 1;
            }
        };
    }

    private int edit(String session, String verb, List<String> words, PrintStream out, PrintStream err) {
        if (!router.inSession(session)) {
            return withoutSession(switch (verb) {
                case "set" -> "validateSetPath";
                case "delete" -> "validateDeletePath";
                default -> "validateCommentArgs";
            }, err);
        }
        if (words.isEmpty()) {
            out.println("Need to specify the config node to " + verb);
            return 1;
        }
        ConfigChange change = router.edit(session, verb, words);
        change.output().forEach(out::println);
        return change.failed() ? 1 : 0;
    }

    private int discard(String session, PrintStream out, PrintStream err) {
        if (!router.inSession(session)) {
            return withoutSession("discardChanges", err);
        }
        out.println(router.discard(session) > 0 ? "Changes have been discarded" : "No changes have been discarded");
        return 0;
    }

    /** vyatta-cfg-cmd-wrapper {@code commit}: everything the commit prints goes to the commit log; only the status tells. */
    private int commit(String session, PrintStream err) {
        Commit.Result result = Commit.run(router, session);
        Syslog.commitLog(router.fs(), result.output());
        return result.failed() ? 1 : 0;
    }

    /** vyatta-cfg-cmd-wrapper {@code commit_with_error}: {@code exec my_commit}, its blocks on the caller's stdout. */
    private int commitWithError(String session, PrintStream out) {
        Commit.Result result = Commit.run(router, session);
        result.output().forEach(out::println);
        return result.failed() ? 1 : 0;
    }

    private int commitConfirm(String session, List<String> rest, PrintStream out, PrintStream err) {
        if (!router.sessionChanged(session)) {
            out.println(Commit.NOTHING);
            return 1;
        }
        String minutesText = rest.isEmpty() ? "10" : rest.get(0);
        if (!minutesText.matches("\\d+")) {
            out.println("Invalid number [" + minutesText + "]");
            return 1;
        }
        int minutes = Integer.parseInt(minutesText);
        List<String> lines = new ArrayList<>();
        CommitConfirm.Check check = router.confirm().check(minutes, lines);
        lines.forEach(out::println);
        if (check == CommitConfirm.Check.REFUSED) {
            return 1;
        }
        if (check == CommitConfirm.Check.PROCEED) {
            try {
                router.confirm().schedule(minutes);
            } catch (IOException e) {
                out.println("Error: unable to schedule reboot");
                return 1;
            }
        }
        return commit(session, err);
    }

    /** configure mode's {@code compare} (vyatta-config-mgmt.pl --action=diff with no revision). */
    static int compare(EdgeosRouter router, String session, PrintStream out) {
        Optional<ConfigTree> working = router.working(session);
        String diff = working.filter(tree -> router.sessionChanged(session))
                .map(tree -> ConfigShow.contextDiff(router.active(), tree)).orElse("");
        out.print(diff.isEmpty() ? "No changes between working and active configurations\n" : diff);
        return 0;
    }

    /** vyatta-cfg's {@code ASSERT_IN_SESSION}: the operation needs {@code begin} first. */
    static int withoutSession(String function, PrintStream err) {
        err.println("calling " + function + "() without config session");
        return 1;
    }
}
