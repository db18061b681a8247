package io.metalboot.sim.edgeos;

import io.metalboot.sim.faults.Faults;
import io.metalboot.sim.fs.RouterFs;
import io.metalboot.sim.shell.Command;
import io.metalboot.sim.shell.Invocation;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A freshly installed router for a test, its programs by path, and a way to run them as if from a
 * shell with a given pid (the pid a wrapper session is keyed by).
 */
final class SimulatedEdgeRouter {
    static final String WRAPPER = "/opt/vyatta/sbin/vyatta-cfg-cmd-wrapper";
    static final String API = "/bin/cli-shell-api";
    static final String OP = "/opt/vyatta/bin/vyatta-op-cmd-wrapper";

    /** What one program run printed and returned. */
    record Run(int exit, String out, String err) {
    }

    final RouterFs fs;
    final Faults faults = new Faults();
    final ManualScheduler clock = new ManualScheduler();
    final FakeProcesses processes = new FakeProcesses();
    final EdgeosRouter router;
    private final Map<String, Command> programs = new HashMap<>();
    private int nextPid = 100;

    SimulatedEdgeRouter(Path root) throws IOException {
        fs = new RouterFs(root);
        EdgeosImage.install(fs);
        router = new EdgeosRouter(fs, processes, faults, clock);
        EdgeosPrograms.registerAll(router, programs::put, path -> Optional.ofNullable(programs.get(path)));
        EdgeosPrograms.registerLoginShell(router, programs::put);
    }

    /** Runs {@code args} (program path first) from the shell {@code shellPid}, with empty stdin. */
    Run run(int shellPid, String... args) {
        return runWithInput(shellPid, "", Map.of(), args);
    }

    Run runWithInput(int shellPid, String stdin, Map<String, String> env, String... args) {
        Command command = Optional.ofNullable(programs.get(args[0]))
                .orElseThrow(() -> new AssertionError(args[0] + " is not registered"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Map<String, String> environment = new HashMap<>(Map.of("USER", "ubnt", "HOME", "/home/ubnt"));
        environment.putAll(env);
        try (PrintStream stdout = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream stderr = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            int exit = command.run(new Invocation(List.of(args), new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                    stdout, stderr, fs, "/home/ubnt", environment, nextPid++, shellPid, processes));
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** The wrapper with {@code words} (split by the test, as the shell would). */
    Run wrapper(int shellPid, String... words) {
        List<String> args = new ArrayList<>(List.of(WRAPPER));
        args.addAll(List.of(words));
        return run(shellPid, args.toArray(String[]::new));
    }

    /** {@code wrapper set …} with the path given as one space-separated string (no quoting needed). */
    Run set(int shellPid, String path) {
        return wrapper(shellPid, ("set " + path).split(" "));
    }

    String read(String path) throws IOException {
        return fs.read(path);
    }
}
