package io.metalboot.sim.shell;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** sh ash bash vbash (nested shells and scripts), nohup, setsid, env: programs that run other programs. */
final class ShTools {
    private ShTools() {
    }

    static void register(CommandTable t) {
        for (String name : List.of("sh", "ash", "bash", "vbash")) {
            t.register(name, inv -> shell(t, inv));
        }
        t.register("nohup", inv -> detached(t, inv, "nohup", false));
        t.register("setsid", inv -> detached(t, inv, "setsid", true));
        t.register("env", inv -> env(t, inv));
    }

    private static ProcessTable table(Invocation inv) {
        if (inv.processes() instanceof ProcessTable pt) {
            return pt;
        }
        throw new IllegalStateException("the simulated sh needs the simulator's ProcessTable, got "
                + inv.processes().getClass().getName() + "; build Invocations with the router's ProcessTable");
    }

    /** This invocation's process, or (when a test calls the command directly) a stand-in outside the table. */
    private static Proc self(Invocation inv) {
        return table(inv).proc(inv.pid()).orElseGet(() -> new Proc(inv.pid(), inv.parentPid(), String.join(" ", inv.args()),
                ShellObserver.NONE, Optional.empty()));
    }

    /** {@code sh [-eux] -c SCRIPT [NAME [ARG…]]}, {@code sh FILE [ARG…]}, or a script on stdin. */
    private static int shell(CommandTable commands, Invocation inv) throws InterruptedException {
        Dialect dialect = Dialect.byName(inv.args().get(0));
        List<String> args = new ArrayList<>(inv.operands());
        List<String> options = new ArrayList<>();
        Optional<String> command = Optional.empty();
        while (!args.isEmpty() && args.get(0).matches("[-+][a-z]+")) {
            String o = args.remove(0);
            if (o.equals("-c")) {
                if (args.isEmpty()) {
                    inv.stderr().println(dialect.error("-c: option requires an argument"));
                    return 2;
                }
                command = Optional.of(args.remove(0));
                break;
            }
            options.add(o);
        }
        String script;
        String arg0 = inv.args().get(0);
        if (command.isPresent()) {
            script = command.get();
            if (!args.isEmpty()) {
                arg0 = args.remove(0);
            }
        } else if (!args.isEmpty()) {
            arg0 = args.remove(0);
            try {
                script = inv.fs().read(ToolSupport.path(inv, arg0));
            } catch (IOException e) {
                inv.stderr().println(dialect == Dialect.ASH ? "sh: can't open '" + arg0 + "': " + Errno.of(e)
                        : dialect.error(arg0 + ": " + Errno.of(e)));
                return dialect == Dialect.ASH ? 2 : 127;
            }
        } else {
            script = ToolSupport.text(ToolSupport.readAll(inv.stdin()));
        }
        ShellContext ctx = new ShellContext(inv.fs(), commands, table(inv), dialect);
        ShellState st = new ShellState(inv.env(), arg0, args, inv.cwd(), inv.pid(), inv.parentPid());
        Interp ip = new Interp(ctx, st, self(inv), new Io(inv.stdin(), inv.stdout(), inv.stderr()));
        if (!options.isEmpty()) {
            SetBuiltin.set(ip, options);
        }
        return ip.runScript(script);
    }

    /**
     * {@code nohup CMD…} / {@code setsid [-f] CMD…}: runs CMD in this process, detached from the
     * session (its commands are no longer observed, a dropped connection does not stop it);
     * {@code setsid -f} forks it and returns at once.
     */
    private static int detached(CommandTable commands, Invocation inv, String tool, boolean setsid) throws InterruptedException {
        List<String> argv = new ArrayList<>(inv.operands());
        boolean fork = false;
        while (setsid && !argv.isEmpty() && argv.get(0).startsWith("-")) {
            fork |= argv.remove(0).contains("f");
        }
        if (argv.isEmpty()) {
            inv.stderr().println(tool + ": missing operand");
            return 1;
        }
        self(inv).detach();
        if (fork) {
            ProcessTable pt = table(inv);
            Map<String, String> env = inv.env();
            pt.spawn(inv.pid(), String.join(" ", argv), ShellObserver.NONE,
                    proc -> exec(commands, tool, new Invocation(argv, Io.EMPTY, inv.stdout(), inv.stderr(), inv.fs(), inv.cwd(),
                            env, proc.pid, inv.pid(), inv.processes())));
            return 0;
        }
        return exec(commands, tool, new Invocation(argv, inv.stdin(), inv.stdout(), inv.stderr(), inv.fs(), inv.cwd(), inv.env(),
                inv.pid(), inv.parentPid(), inv.processes()));
    }

    /** {@code env [-i] [-u NAME] [NAME=VALUE…] [CMD…]}: prints the environment or runs CMD with a changed one. */
    private static int env(CommandTable commands, Invocation inv) throws InterruptedException {
        List<String> argv = new ArrayList<>(inv.operands());
        Map<String, String> env = new LinkedHashMap<>(inv.env());
        while (!argv.isEmpty()) {
            String a = argv.get(0);
            if (a.equals("-i") || a.equals("-")) {
                env.clear();
            } else if (a.equals("-u") && argv.size() > 1) {
                argv.remove(0);
                env.remove(argv.get(0));
            } else if (a.matches("[A-Za-z_][A-Za-z0-9_]*=.*")) {
                env.put(a.substring(0, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
            } else {
                break;
            }
            argv.remove(0);
        }
        if (argv.isEmpty()) {
            env.forEach((k, v) -> inv.stdout().println(k + "=" + v));
            return 0;
        }
        return exec(commands, "env", new Invocation(argv, inv.stdin(), inv.stdout(), inv.stderr(), inv.fs(), inv.cwd(), env,
                inv.pid(), inv.parentPid(), inv.processes()));
    }

    /** Runs the program {@code inv.args()} names in the calling process (exec). */
    static int exec(CommandTable commands, String tool, Invocation inv) throws InterruptedException {
        String name = inv.args().get(0);
        CommandTable.Lookup lookup = commands.resolve(name, inv.fs(), inv.cwd(), inv.env().getOrDefault("PATH", ""));
        if (lookup instanceof CommandTable.Found found) {
            table(inv).proc(inv.pid()).ifPresent(p -> p.exec(String.join(" ", inv.args())));
            return found.command().run(inv);
        }
        boolean gnu = ToolSupport.gnu(inv);
        String why = lookup instanceof CommandTable.Denied ? "Permission denied" : Errno.ENOENT;
        inv.stderr().println(tool + ": " + (gnu ? "failed to run command '" + name + "'" : "can't execute '" + name + "'") + ": " + why);
        return lookup instanceof CommandTable.Denied ? 126 : 127;
    }
}
