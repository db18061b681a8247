package io.metalboot.sim.openwrt;

import io.metalboot.sim.faults.Faults;
import io.metalboot.sim.fs.RouterFs;
import io.metalboot.sim.shell.Command;
import io.metalboot.sim.shell.Invocation;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A simulated OpenWrt router in a temp directory, its programs run directly (no shell, no SSH). */
final class TestRouter {
    final RouterFs fs;
    final Faults faults = new Faults();
    final FakeProcesses processes = new FakeProcesses();
    final Map<String, Command> programs = new HashMap<>();
    final DnsmasqService dnsmasq;

    /** What one run printed and returned. */
    record Run(int status, String stdout, String stderr) {
    }

    TestRouter(Path dir, DnsmasqCheck check) {
        try {
            fs = new RouterFs(dir.resolve("root"));
            OpenwrtImage.layDown(fs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        OpenwrtPrograms.registerAll(programs::put, faults);
        dnsmasq = new DnsmasqService(faults, check);
        programs.put(OpenwrtPrograms.DNSMASQ_INIT, dnsmasq);
    }

    TestRouter(Path dir) {
        this(dir, DnsmasqCheck.onThisHost());
    }

    /** Runs {@code args} (args[0] is the name it is called by: {@code uci} is /sbin/uci) with {@code stdin}. */
    Run run(String stdin, List<String> args) {
        Command command = programs.get(switch (args.get(0)) {
            case "uci" -> OpenwrtPrograms.UCI;
            case "logread" -> OpenwrtPrograms.LOGREAD;
            default -> args.get(0);
        });
        if (command == null) {
            throw new IllegalArgumentException("no simulated program " + args.get(0));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (PrintStream stdout = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream stderr = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            Invocation invocation = new Invocation(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                    stdout, stderr, fs, "/root", Map.of(), 900, 800, processes);
            int status = command.run(invocation);
            return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted running " + args, e);
        }
    }

    Run run(String... args) {
        return run("", List.of(args));
    }

    String read(String path) {
        try {
            return fs.read(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void write(String path, String content) {
        try {
            fs.write(path, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
