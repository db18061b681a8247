package io.metalboot.sim.shell;

import io.metalboot.sim.fs.RouterFs;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Commands the shell runs itself, in its own process: they change the shell's state. */
final class Builtins {
    private static final Set<String> NAMES = Set.of(":", "cd", "pwd", "export", "readonly", "unset", "set", "shift", "exit",
            "return", "break", "continue", "read", "eval", ".", "source", "wait", "command", "type", "local", "exec", "trap");

    private Builtins() {
    }

    static boolean has(String name) {
        return NAMES.contains(name);
    }

    static int run(Interp ip, List<String> argv) throws InterruptedException {
        List<String> args = argv.subList(1, argv.size());
        ShellState st = ip.st;
        PrintStream out = ip.io.out();
        Dialect d = ip.ctx.dialect();
        return switch (argv.get(0)) {
            case ":" -> 0;
            case "cd" -> cd(ip, args);
            case "pwd" -> {
                out.println(st.cwd);
                yield 0;
            }
            case "export", "readonly" -> export(ip, args, argv.get(0).equals("export"));
            case "local" -> local(ip, args);
            case "unset" -> {
                args.stream().filter(a -> !a.startsWith("-")).forEach(n -> {
                    if (args.contains("-f")) {
                        st.functions.remove(n);
                    } else {
                        st.unset(n);
                    }
                });
                yield 0;
            }
            case "set" -> SetBuiltin.set(ip, args);
            case "shift" -> {
                int n = args.isEmpty() ? 1 : number(ip, "shift", args.get(0));
                if (n > st.positional.size()) {
                    ip.io.err().println(d.builtin("shift", d == Dialect.ASH ? "can't shift that many" : "shift count out of range"));
                    yield 1;
                }
                st.positional = new java.util.ArrayList<>(st.positional.subList(n, st.positional.size()));
                yield 0;
            }
            case "exit" -> throw new Flow.Exit(args.isEmpty() ? st.status : number(ip, "exit", args.get(0)) & 0xff);
            case "return" -> throw new Flow.Return(args.isEmpty() ? st.status : number(ip, "return", args.get(0)) & 0xff);
            case "break", "continue" -> throw new Flow.LoopControl(argv.get(0).equals("break"),
                    args.isEmpty() ? 1 : Math.max(1, number(ip, argv.get(0), args.get(0))));
            case "read" -> ReadBuiltin.read(ip, args);
            case "eval" -> eval(ip, String.join(" ", args));
            case ".", "source" -> source(ip, args);
            case "wait" -> SetBuiltin.waitFor(ip, args);
            case "command", "type" -> SetBuiltin.command(ip, argv);
            case "exec" -> {
                int status = SimpleCommand.program(ip, args, Map.of(), true);
                throw new Flow.Exit(status);
            }
            case "trap" -> SetBuiltin.trap(ip, args);
            default -> throw new IllegalStateException("not a builtin: " + argv.get(0));
        };
    }

    static int number(Interp ip, String builtin, String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            Dialect d = ip.ctx.dialect();
            throw ip.fatal(d.builtin(builtin, d == Dialect.ASH ? "Illegal number: " + text : text + ": numeric argument required"), 2);
        }
    }

    private static int cd(Interp ip, List<String> args) {
        ShellState st = ip.st;
        String target = args.isEmpty() ? st.get("HOME").orElse("/") : args.get(0);
        if (target.equals("-")) {
            target = st.get("OLDPWD").orElse(st.cwd);
            ip.io.out().println(target);
        }
        String path = RouterFs.normalize(target, st.cwd);
        if (!ip.ctx.fs().isDirectory(path)) {
            String why = ip.ctx.fs().exists(path) ? "Not a directory" : Errno.ENOENT;
            Dialect d = ip.ctx.dialect();
            ip.io.err().println(d.builtin("cd", d == Dialect.ASH ? "can't cd to " + target + ": " + why : target + ": " + why));
            return d == Dialect.ASH ? 2 : 1;
        }
        st.set("OLDPWD", st.cwd);
        st.cwd = path;
        st.set("PWD", path);
        return 0;
    }

    private static int export(Interp ip, List<String> args, boolean export) {
        if (args.isEmpty() || args.equals(List.of("-p"))) {
            ip.st.environment().forEach((k, v) -> ip.io.out().println((export ? "export " : "readonly ") + k + "='" + v.replace("'", "'\\''") + "'"));
            return 0;
        }
        for (String a : args) {
            int eq = a.indexOf('=');
            String name = eq < 0 ? a : a.substring(0, eq);
            if (eq >= 0) {
                ip.st.set(name, a.substring(eq + 1));
            }
            if (export) {
                ip.st.exported.add(name);
            }
        }
        return 0;
    }

    private static int local(Interp ip, List<String> args) {
        if (ip.locals.isEmpty()) {
            ip.io.err().println(ip.ctx.dialect().builtin("local", "can only be used in a function"));
            return 1;
        }
        for (String a : args) {
            int eq = a.indexOf('=');
            String name = eq < 0 ? a : a.substring(0, eq);
            ip.locals.peek().putIfAbsent(name, ip.st.get(name));
            if (eq >= 0) {
                ip.st.set(name, a.substring(eq + 1));
            }
        }
        return 0;
    }

    /** Parses and runs {@code source} in this shell (eval, the dot command, traps). */
    static int eval(Interp ip, String source) throws InterruptedException {
        List<Node> nodes;
        try {
            nodes = Parser.parseAll(source, true);
        } catch (SyntaxError e) {
            ip.io.err().println(ip.ctx.dialect().syntaxError(e));
            return 2;
        }
        int status = 0;
        for (Node n : nodes) {
            status = ip.execute(n);
        }
        return status;
    }

    private static int source(Interp ip, List<String> args) throws InterruptedException {
        if (args.isEmpty()) {
            return 0;
        }
        String path = RouterFs.normalize(args.get(0), ip.st.cwd);
        String text;
        try {
            text = ip.ctx.fs().read(path);
        } catch (IOException e) {
            Dialect d = ip.ctx.dialect();
            throw ip.fatal(d == Dialect.ASH ? "sh: .: can't open '" + args.get(0) + "'" : d.error(args.get(0) + ": " + Errno.of(e)),
                    d == Dialect.ASH ? 2 : 1);
        }
        try {
            return eval(ip, text);
        } catch (Flow.Return r) {
            return r.status;
        }
    }

    /** Runs the {@code trap … EXIT} command once, when the shell ends. */
    static void runExitTrap(Interp ip) throws InterruptedException {
        Optional<String> trap = ip.st.exitTrap;
        ip.st.exitTrap = Optional.empty();
        if (trap.isPresent()) {
            int saved = ip.st.status;
            try {
                eval(ip, trap.get());
            } catch (Flow.Exit | Flow.Fatal | Flow.Return | Flow.LoopControl e) {
                // the shell is ending anyway
            }
            ip.st.status = saved;
        }
    }
}
