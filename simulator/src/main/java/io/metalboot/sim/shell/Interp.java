package io.metalboot.sim.shell;

import io.metalboot.sim.shell.Node.AndOr;
import io.metalboot.sim.shell.Node.Case;
import io.metalboot.sim.shell.Node.For;
import io.metalboot.sim.shell.Node.If;
import io.metalboot.sim.shell.Node.Loop;
import io.metalboot.sim.shell.Node.Pipeline;
import io.metalboot.sim.shell.Node.Seq;
import io.metalboot.sim.shell.Node.Simple;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Runs parsed commands in one shell process: control flow, pipelines, subshells, background jobs. */
final class Interp {
    /** The body of a forked subshell process. */
    @FunctionalInterface
    interface ForkBody {
        int run(Interp sub) throws InterruptedException;
    }

    final ShellContext ctx;
    final ShellState st;
    final Proc self;
    final Expander expander = new Expander(this);
    Io io;
    /** Depth of contexts where {@code set -e} is ignored (conditions, all but the last of {@code && ||}, {@code !}). */
    int noErrexit;
    /** Status of the last command substitution of the current simple command. */
    Optional<Integer> substitutionStatus = Optional.empty();
    /** {@code local} variables of the running functions: the values they hid. */
    final Deque<Map<String, Optional<String>>> locals = new ArrayDeque<>();

    Interp(ShellContext ctx, ShellState st, Proc self, Io io) {
        this.ctx = ctx;
        this.st = st;
        this.self = self;
        this.io = io;
    }

    /** Runs a script non-interactively, one complete command at a time; returns the exit status. */
    int runScript(String source) throws InterruptedException {
        try {
            try {
                Parser parser = new Parser(source, true);
                while (true) {
                    Optional<Node> node;
                    try {
                        node = parser.next();
                    } catch (SyntaxError e) {
                        io.err().println(ctx.dialect().syntaxError(e));
                        return 2;
                    }
                    if (node.isEmpty()) {
                        return st.status;
                    }
                    try {
                        execute(node.get());
                    } catch (Flow.LoopControl ignored) {
                        // break/continue outside a loop: ignored, as dash does
                    }
                }
            } catch (Flow.Exit e) {
                st.status = e.status;
                return e.status;
            } catch (Flow.Fatal e) {
                st.status = e.status;
                return e.status;
            } catch (Flow.Return e) {
                st.status = e.status;
                return e.status;
            }
        } finally {
            Builtins.runExitTrap(this);
        }
    }

    void checkKilled() throws InterruptedException {
        if (self.killed()) {
            throw new InterruptedException("killed");
        }
    }

    /** Prints {@code message} on stderr; the returned exception ends a non-interactive shell. */
    Flow.Fatal fatal(String message, int status) {
        io.err().println(message);
        return new Flow.Fatal(status);
    }

    int execute(Node n) throws InterruptedException {
        checkKilled();
        int status = switch (n) {
            case Seq s -> seq(s);
            case AndOr a -> andOr(a);
            case Pipeline p -> pipeline(p);
            case Simple s -> SimpleCommand.run(this, s, false);
            case Node.Redirected r -> redirected(r);
            case Node.Group g -> execute(g.body());
            case Node.Subshell s -> ProcessTable.await(fork(io, self.observer(), sub -> sub.execute(s.body())));
            case If i -> ControlFlow.ifClause(this, i);
            case Loop l -> ControlFlow.loop(this, l);
            case For f -> ControlFlow.forClause(this, f);
            case Case c -> ControlFlow.caseClause(this, c);
            case Node.FunctionDef f -> {
                st.functions.put(f.name(), f.body());
                yield 0;
            }
        };
        st.status = status;
        boolean triggers = n instanceof Simple || n instanceof Node.Subshell || (n instanceof Pipeline p && !p.negate());
        if (status != 0 && st.errexit && noErrexit == 0 && triggers) {
            throw new Flow.Exit(status);
        }
        return status;
    }

    int quietly(Node n) throws InterruptedException {
        noErrexit++;
        try {
            return execute(n);
        } finally {
            noErrexit--;
        }
    }

    private int seq(Seq s) throws InterruptedException {
        int status = 0;
        for (Node.Item item : s.items()) {
            if (item.async()) {
                background(item.node());
                status = 0;
                st.status = 0;
            } else {
                status = execute(item.node());
            }
        }
        return status;
    }

    private int andOr(AndOr a) throws InterruptedException {
        int status = a.rest().isEmpty() ? execute(a.first()) : quietly(a.first());
        for (int i = 0; i < a.rest().size(); i++) {
            Node.Step step = a.rest().get(i);
            if (step.and() == (status == 0)) {
                status = i == a.rest().size() - 1 ? execute(step.node()) : quietly(step.node());
            }
        }
        return status;
    }

    private int pipeline(Pipeline p) throws InterruptedException {
        List<Node> cmds = p.commands();
        if (cmds.size() == 1) {
            int status = quietly(cmds.get(0));
            return status == 0 ? 1 : 0;
        }
        List<Proc> procs = new ArrayList<>();
        Object input = io.get(0);
        for (int i = 0; i < cmds.size(); i++) {
            boolean last = i == cmds.size() - 1;
            Pipe pipe = last ? null : new Pipe();
            Io stage = io.with(0, input).with(1, last ? io.get(1) : Io.print(pipe.sink));
            Object stageIn = input;
            Node cmd = cmds.get(i);
            procs.add(fork(stage, self.observer(), sub -> {
                try {
                    return cmd instanceof Simple s ? SimpleCommand.run(sub, s, true) : sub.execute(cmd);
                } finally {
                    if (pipe != null) {
                        pipe.closeWriter();
                    }
                    if (stageIn != io.get(0) && stageIn instanceof java.io.InputStream in) {
                        closeQuietly(in);
                    }
                }
            }));
            input = last ? null : pipe.source;
        }
        int status = ProcessTable.awaitAll(procs);
        return p.negate() ? (status == 0 ? 1 : 0) : status;
    }

    private static void closeQuietly(java.io.InputStream in) {
        try {
            in.close();
        } catch (java.io.IOException e) {
            // a pipe's read end cannot fail to close
        }
    }

    /** Starts a subshell process: a copy of this shell's state, on its own thread. */
    Proc fork(Io childIo, ShellObserver observer, ForkBody body) {
        ShellState copy = st.copy();
        int depth = noErrexit;
        return ctx.processes().spawn(self.pid, self.commandLine(), observer, proc -> {
            Interp sub = new Interp(ctx, copy, proc, childIo);
            sub.noErrexit = depth;
            try {
                return body.run(sub);
            } catch (Flow.Exit e) {
                return e.status;
            } catch (Flow.Fatal e) {
                return e.status;
            } catch (Flow.Return e) {
                return e.status;
            } catch (Flow.LoopControl e) {
                return copy.status;
            }
        });
    }

    /** {@code cmd &}: detached from the session (no observer), stdin from /dev/null, not waited for. */
    private void background(Node node) {
        Io bg = io.with(0, Io.EMPTY);
        Proc p = fork(bg, ShellObserver.NONE, sub -> node instanceof Simple s ? SimpleCommand.run(sub, s, true) : sub.execute(node));
        st.lastBackground = Optional.of(p.pid);
        st.jobs.put(p.pid, p);
    }

    /** {@code $(…)}: runs in a subshell, returns its output without trailing newlines. */
    String substitute(String source) throws InterruptedException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8);
        int status = ProcessTable.await(fork(io.with(1, out), self.observer(), sub -> sub.runScript(source)));
        substitutionStatus = Optional.of(status);
        String text = buf.toString(StandardCharsets.UTF_8);
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == '\n') {
            end--;
        }
        return text.substring(0, end);
    }

    private int redirected(Node.Redirected r) throws InterruptedException {
        Optional<Redirects.Applied> applied = Redirects.apply(this, r.redirs());
        if (applied.isEmpty()) {
            return 1;
        }
        Io saved = io;
        io = applied.get().io();
        try {
            return execute(r.body());
        } finally {
            io = saved;
            applied.get().close();
        }
    }

    /** Runs a shell function with {@code args} as its positional parameters. */
    int callFunction(Node body, List<String> args) throws InterruptedException {
        List<String> saved = st.positional;
        st.positional = new ArrayList<>(args.subList(1, args.size()));
        locals.push(new HashMap<>());
        try {
            return execute(body);
        } catch (Flow.Return r) {
            return r.status;
        } finally {
            st.positional = saved;
            locals.pop().forEach((name, old) -> {
                if (old.isPresent()) {
                    st.set(name, old.get());
                } else {
                    st.unset(name);
                }
            });
        }
    }
}
