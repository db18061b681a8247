package io.metalboot.sim.shell;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;

/**
 * A simulated router's login shell (busybox ash or vbash, see SHELL.md for the language subset).
 * {@link #run} is what an SSH exec channel does ({@code sh -c SCRIPT}); {@link #interactive} is an
 * SSH shell channel. Each runs as a new shell process in the router's {@link ProcessTable};
 * background jobs it starts outlive it and its channel.
 */
public final class Shell {
    private final ShellConfig config;
    private final ShellContext ctx;

    public Shell(ShellConfig config) {
        this.config = config;
        this.ctx = new ShellContext(config.fs(), config.commands(), config.processes(), config.dialect());
    }

    public ShellConfig config() {
        return config;
    }

    /**
     * Runs {@code script} to completion in a new shell process and returns its exit status.
     *
     * @throws ConnectionDropped when the observer drops the connection mid-script
     */
    public int run(String script, InputStream in, OutputStream out, OutputStream err) {
        PrintStream o = Io.print(new ChannelOutput(out));
        PrintStream e = Io.print(new ChannelOutput(err));
        String line = config.dialect().shellName() + " -c " + script;
        return start(line, self -> interp(self, new Io(in, o, e)).runScript(script), o, e);
    }

    /**
     * An interactive session: prompt, read, run, until {@code exit} or end of input; returns the
     * status of the last command. With {@code tty} the raw input goes through a terminal line
     * discipline (echo, editing, Ctrl-C, Ctrl-D) and output newlines become CR LF.
     *
     * @throws ConnectionDropped when the observer drops the connection
     */
    public int interactive(InputStream rawIn, OutputStream out, OutputStream err, boolean tty) {
        OutputStream channelOut = new ChannelOutput(out);
        PrintStream o = Io.print(tty ? new TtyOutput(channelOut) : channelOut);
        PrintStream e = Io.print(tty ? new TtyOutput(new ChannelOutput(err)) : new ChannelOutput(err));
        LineDiscipline lines = new LineDiscipline(rawIn, channelOut, tty);
        return start(config.dialect().loginName(), self -> new Repl(interp(self, new Io(lines, o, e)), lines).run(), o, e);
    }

    private Interp interp(Proc self, Io io) {
        String home = config.env().getOrDefault("HOME", "/");
        String cwd = config.fs().isDirectory(home) ? home : "/";
        ShellState st = new ShellState(config.env(), config.dialect().shellName(), List.of(), cwd, self.pid, self.parentPid);
        return new Interp(ctx, st, self, io);
    }

    private int start(String commandLine, ProcessTable.Body body, PrintStream o, PrintStream e) {
        Proc p = config.processes().spawn(1, commandLine, config.observer(), body);
        try {
            return ProcessTable.await(p);
        } catch (InterruptedException ie) {
            config.processes().kill(p.pid);
            Thread.currentThread().interrupt();
            return 130;
        } finally {
            o.flush();
            e.flush();
            config.observer().shellExited(p.pid);
        }
    }
}
