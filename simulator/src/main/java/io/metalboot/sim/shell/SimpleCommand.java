package io.metalboot.sim.shell;

import io.metalboot.sim.shell.Node.Assign;
import io.metalboot.sim.shell.Node.Simple;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** One simple command: expansion, assignments, redirections, then a builtin, a function or a program. */
final class SimpleCommand {
    /** Builtins whose {@code NAME=value} arguments are expanded like assignments (no field splitting). */
    private static final Set<String> DECLARATIONS = Set.of("export", "local", "readonly");
    /**
     * Tools that ash and bash have as builtins: they run inside the shell's own process (no pid of
     * their own), so e.g. a SIGPIPE on {@code echo} ends the shell stage of a pipeline.
     */
    private static final Set<String> BUILTIN_TOOLS = Set.of("echo", "printf", "true", "false", "test", "[", "kill");

    private SimpleCommand() {
    }

    /**
     * Runs {@code s} in shell {@code ip}; with {@code inProcess} a program replaces this process (what
     * a pipeline stage or a background job does) instead of running as a child.
     */
    static int run(Interp ip, Simple s, boolean inProcess) throws InterruptedException {
        ip.substitutionStatus = Optional.empty();
        List<String> argv = expandWords(ip, s);
        Map<String, String> assigns = new LinkedHashMap<>();
        for (Assign a : s.assigns()) {
            assigns.put(a.name(), ip.expander.string(a.value()));
        }
        if (argv.isEmpty()) {
            assigns.forEach(ip.st::set);
            int status = ip.substitutionStatus.orElse(0);
            if (!s.redirs().isEmpty()) {
                Optional<Redirects.Applied> applied = Redirects.apply(ip, s.redirs());
                applied.ifPresent(Redirects.Applied::close);
                status = applied.isPresent() ? status : 1;
            }
            return status;
        }
        ShellObserver observer = ip.self.observer();
        observer.beforeCommand(ip.self.pid, argv);
        int status = dispatch(ip, s, argv, assigns, inProcess);
        observer.afterCommand(ip.self.pid, argv, status);
        return status;
    }

    private static List<String> expandWords(Interp ip, Simple s) throws InterruptedException {
        List<Word> words = s.words();
        if (words.isEmpty() || words.get(0).plainText().filter(DECLARATIONS::contains).isEmpty()) {
            return ip.expander.fields(words);
        }
        List<String> argv = new ArrayList<>(ip.expander.fields(words.subList(0, 1)));
        for (Word w : words.subList(1, words.size())) {
            boolean assignment = w.parts().get(0) instanceof Word.Lit lit && !lit.quoted() && lit.text().matches("[A-Za-z_][A-Za-z0-9_]*=.*");
            if (assignment) {
                argv.add(ip.expander.string(w));
            } else {
                argv.addAll(ip.expander.fields(List.of(w)));
            }
        }
        return argv;
    }

    private static int dispatch(Interp ip, Simple s, List<String> argv, Map<String, String> assigns, boolean inProcess)
            throws InterruptedException {
        Optional<Redirects.Applied> applied = Redirects.apply(ip, s.redirs());
        if (applied.isEmpty()) {
            return 1;
        }
        String name = argv.get(0);
        if (name.equals("exec") && argv.size() == 1) {
            ip.io = applied.get().io();
            return 0;
        }
        Io saved = ip.io;
        ip.io = applied.get().io();
        try {
            if (Builtins.has(name)) {
                assigns.forEach(ip.st::set);
                return Builtins.run(ip, argv);
            }
            Node function = ip.st.functions.get(name);
            if (function != null) {
                assigns.forEach(ip.st::set);
                return ip.callFunction(function, argv);
            }
            return program(ip, argv, assigns, inProcess);
        } finally {
            ip.io = saved;
            applied.get().close();
        }
    }

    /** Runs a registered program or script file; 127 when there is none, 126 when it cannot run. */
    static int program(Interp ip, List<String> argv, Map<String, String> assigns, boolean inProcess)
            throws InterruptedException {
        String name = argv.get(0);
        CommandTable.Lookup lookup = ip.ctx.commands().resolve(name, ip.ctx.fs(), ip.st.cwd, ip.st.get("PATH").orElse(""));
        return switch (lookup) {
            case CommandTable.NotFound n -> {
                ip.io.err().println(ip.ctx.dialect().notFound(name));
                yield 127;
            }
            case CommandTable.Denied d -> {
                ip.io.err().println(ip.ctx.dialect().permissionDenied(name));
                yield 126;
            }
            case CommandTable.Found found -> {
                Map<String, String> env = new LinkedHashMap<>(ip.st.environment());
                env.putAll(assigns);
                Io io = ip.io;
                String line = String.join(" ", argv);
                if (BUILTIN_TOOLS.contains(name) && ip.ctx.commands().find(name).orElse(null) == found.command()) {
                    yield found.command().run(new Invocation(argv, io.in(), io.out(), io.err(), ip.ctx.fs(), ip.st.cwd,
                            env, ip.self.pid, ip.self.parentPid, ip.ctx.processes()));
                }
                if (inProcess) {
                    ip.self.exec(line);
                    yield found.command().run(new Invocation(argv, io.in(), io.out(), io.err(), ip.ctx.fs(), ip.st.cwd,
                            env, ip.self.pid, ip.self.parentPid, ip.ctx.processes()));
                }
                Proc child = ip.ctx.processes().spawn(ip.self.pid, line, ip.self.observer(), proc -> found.command().run(
                        new Invocation(argv, io.in(), io.out(), io.err(), ip.ctx.fs(), ip.st.cwd, env, proc.pid,
                                ip.self.pid, ip.ctx.processes())));
                yield ProcessTable.await(child);
            }
        };
    }
}
