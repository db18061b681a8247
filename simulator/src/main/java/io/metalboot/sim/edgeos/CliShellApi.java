package io.metalboot.sim.edgeos;

import io.metalboot.router.edgeos.ConfigShow;
import io.metalboot.router.edgeos.ConfigTree;
import io.metalboot.sim.shell.Command;
import io.metalboot.sim.shell.Invocation;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code cli-shell-api} (vyatta-cfg's cli_shell_api.cpp): answers by exit status (0 is true) and
 * by output without a trailing newline; lists print {@code 'a' 'b'}. A command is in a session only
 * when its environment carries the session's {@code VYATTA_TEMP_CONFIG_DIR} (what
 * {@code eval "$(cli-shell-api getSessionEnv $PPID)"} sets); outside one, the working-config
 * queries ({@code exists}, {@code listNodes}, {@code returnValue}) find nothing and {@code showCfg}
 * shows the active configuration.
 */
final class CliShellApi implements Command {
    static final String WORK_PREFIX = "/opt/vyatta/config/tmp/new_config_";
    private static final Set<String> FLAGS = Set.of("show-active-only", "show-show-defaults", "show-hide-secrets",
            "show-working-only", "show-context-diff", "show-commands", "show-ignore-edit");
    private static final Set<String> NEEDS_PATH = Set.of("exists", "existsActive", "returnValue",
            "returnActiveValue", "returnValues", "returnActiveValues");

    private final EdgeosRouter router;

    CliShellApi(EdgeosRouter router) {
        this.router = router;
    }

    @Override
    public int run(Invocation invocation) {
        PrintStream out = invocation.stdout();
        PrintStream err = invocation.stderr();
        Set<String> flags = new HashSet<>();
        List<String> positional = new ArrayList<>();
        List<String> args = invocation.operands();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--")) {
                positional.addAll(args.subList(i + 1, args.size()));
                break;
            } else if (arg.startsWith("--") && FLAGS.contains(arg.substring(2))) {
                flags.add(arg.substring(2));
            } else if (arg.equals("--show-cfg1") || arg.equals("--show-cfg2")) {
                i++; // file comparisons are not simulated; the default @ACTIVE/@WORKING applies
            } else {
                positional.add(arg);
            }
        }
        if (positional.isEmpty()) {
            err.println("Must specify operation");
            return 1;
        }
        String operation = positional.get(0);
        List<String> path = positional.subList(1, positional.size());
        String[] at = path.toArray(String[]::new);
        Optional<String> session = Optional.ofNullable(invocation.env().get("VYATTA_TEMP_CONFIG_DIR"))
                .filter(dir -> dir.startsWith(WORK_PREFIX)).map(dir -> dir.substring(WORK_PREFIX.length()));
        boolean inSession = session.filter(router::inSession).isPresent();
        ConfigTree active = router.active();
        Optional<ConfigTree> working = inSession ? router.working(session.get()) : Optional.empty();
        if (NEEDS_PATH.contains(operation) && path.isEmpty()) {
            err.println("Must specify config path");
            return 1;
        }
        return switch (operation) {
            case "getSessionEnv" -> {
                if (path.size() != 1) {
                    err.println("Must specify session ID");
                    yield 1;
                }
                out.print(sessionEnv(path.get(0)));
                yield 0;
            }
            case "setupSession" -> {
                session.ifPresent(router::beginSession);
                yield session.isPresent() ? 0 : 1;
            }
            case "teardownSession" -> inSession && router.endSession(session.get()) ? 0 : 1;
            case "inSession" -> inSession ? 0 : 1;
            case "sessionChanged" -> inSession && router.sessionChanged(session.get()) ? 0 : 1;
            case "sessionUnsaved" -> inSession && router.sessionUnsaved(session.get()) ? 0 : 1;
            case "exists" -> working.filter(tree -> tree.exists(at)).isPresent() ? 0 : 1;
            case "existsActive" -> active.exists(at) ? 0 : 1;
            case "listNodes" -> list(out, working.map(tree -> tree.children(at)).orElse(List.of()));
            case "listActiveNodes" -> list(out, active.children(at));
            case "returnValue" -> value(out, working, at);
            case "returnActiveValue" -> value(out, Optional.of(active), at);
            case "returnValues" -> values(out, working, at);
            case "returnActiveValues" -> values(out, Optional.of(active), at);
            case "showCfg", "showConfig" -> {
                out.print(show(flags, active, working, path));
                yield 0;
            }
            default -> {
                err.println("Invalid operation");
                yield 1;
            }
        };
    }

    private static String show(Set<String> flags, ConfigTree active, Optional<ConfigTree> working, List<String> path) {
        if (working.isEmpty() || flags.contains("show-active-only")) {
            return ConfigShow.show(active, path);
        }
        if (flags.contains("show-working-only")) {
            return ConfigShow.show(working.get(), path);
        }
        if (flags.contains("show-context-diff")) {
            return ConfigShow.contextDiff(active, working.get());
        }
        return ConfigShow.diff(active, working.get(), path);
    }

    private static int list(PrintStream out, List<String> items) {
        out.print(quoted(items));
        return 0;
    }

    private static int value(PrintStream out, Optional<ConfigTree> tree, String[] at) {
        Optional<String> value = tree.filter(t -> t.isLeaf(at)).flatMap(t -> t.value(at));
        value.ifPresent(out::print);
        return value.isPresent() ? 0 : 1;
    }

    private static int values(PrintStream out, Optional<ConfigTree> tree, String[] at) {
        if (tree.filter(t -> t.isMulti(at)).isEmpty()) {
            return 1;
        }
        out.print(quoted(tree.get().values(at)));
        return 0;
    }

    private static String quoted(List<String> items) {
        return String.join(" ", items.stream().map(item -> "'" + item + "'").toList());
    }

    /** What UnionfsCstore's session constructor prints for {@code eval}. */
    static String sessionEnv(String sessionId) {
        String declare = " declare -x -r ";
        return " umask 002; {" + declare + "VYATTA_ACTIVE_CONFIGURATION_DIR=/opt/vyatta/config/active"
                + declare + "VYATTA_CHANGES_ONLY_DIR=/opt/vyatta/config/tmp/changes_only_" + sessionId + ";"
                + declare + "VYATTA_TEMP_CONFIG_DIR=" + WORK_PREFIX + sessionId + ";"
                + declare + "VYATTA_CONFIG_TMP=/opt/vyatta/config/tmp/tmp_" + sessionId + ";"
                + declare + "VYATTA_CONFIG_TEMPLATE=/opt/vyatta/share/vyatta-cfg/templates;"
                + " } >&/dev/null || true";
    }
}
