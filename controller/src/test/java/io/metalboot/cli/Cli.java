package io.metalboot.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine;

/** Runs the metalboot command line in-process and captures what it prints. */
public record Cli(int exitCode, String out, String err) {
    public static Cli run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = commandLine(out, err).execute(args);
        return new Cli(code, out.toString(), err.toString());
    }

    /** Like run, and fails the test unless it exits 0. */
    public static Cli ok(String... args) {
        Cli r = run(args);
        if (r.exitCode() != 0) {
            throw new AssertionError("metalboot " + String.join(" ", args) + " exited " + r.exitCode() + ": " + r.out() + r.err());
        }
        return r;
    }

    /** Starts a command that runs until interrupted (a server) on a thread of its own; its output can be read while it runs. */
    public static Running start(String... args) {
        return new Running(args);
    }

    private static CommandLine commandLine(StringWriter out, StringWriter err) {
        CommandLine cmd = Main.commandLine();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        return cmd;
    }

    /** A command running on its own thread. */
    public static final class Running {
        private final StringWriter out = new StringWriter();
        private final StringWriter err = new StringWriter();
        private final AtomicInteger exit = new AtomicInteger(-1);
        private final Thread thread;

        private Running(String[] args) {
            CommandLine cmd = commandLine(out, err);
            thread = Thread.ofPlatform().start(() -> exit.set(cmd.execute(args)));
        }

        /** What it has printed to standard output so far. */
        public String out() {
            return out.toString();
        }

        /** Interrupts it and waits up to 10 s for it to end; its exit code is -1 if it has not. */
        public Cli stop() throws InterruptedException {
            thread.interrupt();
            thread.join(10_000);
            return new Cli(exit.get(), out.toString(), err.toString());
        }
    }
}
