package io.metalboot.sim.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@code set}, {@code wait}, {@code command}/{@code type} and {@code trap} builtins. */
final class SetBuiltin {
    private SetBuiltin() {
    }

    static int set(Interp ip, List<String> args) {
        ShellState st = ip.st;
        if (args.isEmpty()) {
            st.vars.forEach((k, v) -> ip.io.out().println(k + "='" + v.replace("'", "'\\''") + "'"));
            return 0;
        }
        int i = 0;
        while (i < args.size()) {
            String a = args.get(i);
            if (a.equals("--")) {
                i++;
                break;
            }
            if (!(a.startsWith("-") || a.startsWith("+")) || a.length() < 2) {
                break;
            }
            boolean on = a.startsWith("-");
            if (a.substring(1).equals("o") && i + 1 < args.size()) {
                option(st, args.get(++i), on);
            } else {
                for (char c : a.substring(1).toCharArray()) {
                    switch (c) {
                        case 'e' -> st.errexit = on;
                        case 'u' -> st.nounset = on;
                        default -> {
                            // -x, -f, -v, -m …: accepted, no effect in the simulator
                        }
                    }
                }
            }
            i++;
        }
        if (i < args.size() || args.contains("--")) {
            st.positional = new ArrayList<>(args.subList(i, args.size()));
        }
        return 0;
    }

    private static void option(ShellState st, String name, boolean on) {
        if (name.equals("errexit")) {
            st.errexit = on;
        } else if (name.equals("nounset")) {
            st.nounset = on;
        }
    }

    /** {@code wait [PID…]}: waits for background jobs of this shell; the status of the last one named. */
    static int waitFor(Interp ip, List<String> args) throws InterruptedException {
        if (args.isEmpty()) {
            for (Proc p : new ArrayList<>(ip.st.jobs.values())) {
                ProcessTable.await(p);
            }
            ip.st.jobs.clear();
            return 0;
        }
        int status = 0;
        for (String a : args) {
            Proc p = null;
            try {
                p = ip.st.jobs.get(Integer.parseInt(a));
            } catch (NumberFormatException e) {
                // not a pid: reported below
            }
            if (p == null) {
                Dialect d = ip.ctx.dialect();
                ip.io.err().println(d.builtin("wait", "pid " + a + " is not a child of this shell"));
                status = 127;
                continue;
            }
            status = ProcessTable.await(p);
            if (status == 143 && ip.ctx.dialect() == Dialect.ASH) {
                ip.io.err().println("Terminated");
            }
        }
        return status;
    }

    /** {@code command -v NAME}, {@code command NAME ARGS} (skips functions), {@code type NAME}. */
    static int command(Interp ip, List<String> argv) throws InterruptedException {
        boolean type = argv.get(0).equals("type");
        List<String> args = argv.subList(1, argv.size());
        if (!type && (args.isEmpty() || !(args.get(0).equals("-v") || args.get(0).equals("-V")))) {
            if (args.isEmpty()) {
                return 0;
            }
            return Builtins.has(args.get(0)) ? Builtins.run(ip, args) : SimpleCommand.program(ip, args, Map.of(), false);
        }
        int status = 0;
        for (String name : type ? args : args.subList(1, args.size())) {
            Optional<String> found = describe(ip, name, type);
            if (found.isPresent()) {
                ip.io.out().println(found.get());
            } else {
                if (type) {
                    ip.io.err().println(ip.ctx.dialect() == Dialect.ASH ? name + ": not found"
                            : ip.ctx.dialect().builtin("type", name + ": not found"));
                }
                status = 1;
            }
        }
        return status;
    }

    private static Optional<String> describe(Interp ip, String name, boolean verbose) {
        if (ip.st.functions.containsKey(name)) {
            return Optional.of(verbose ? name + " is a function" : name);
        }
        if (Builtins.has(name)) {
            return Optional.of(verbose ? name + " is a shell builtin" : name);
        }
        CommandTable.Lookup l = ip.ctx.commands().resolve(name, ip.ctx.fs(), ip.st.cwd, ip.st.get("PATH").orElse(""));
        if (l instanceof CommandTable.Found f) {
            return Optional.of(verbose ? name + " is " + f.path() : f.path());
        }
        return Optional.empty();
    }

    /** {@code trap CMD EXIT} (or 0) is kept and run when the shell ends; other signals are accepted and ignored. */
    static int trap(Interp ip, List<String> args) {
        if (args.size() < 2) {
            ip.st.exitTrap.ifPresent(t -> ip.io.out().println("trap -- '" + t.replace("'", "'\\''") + "' EXIT"));
            return 0;
        }
        for (String signal : args.subList(1, args.size())) {
            if (signal.equals("EXIT") || signal.equals("0")) {
                String action = args.get(0);
                ip.st.exitTrap = action.equals("-") || action.isEmpty() ? Optional.empty() : Optional.of(action);
            }
        }
        return 0;
    }
}
