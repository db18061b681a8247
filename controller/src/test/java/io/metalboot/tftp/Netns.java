package io.metalboot.tftp;

import io.metalboot.router.RequiredTool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A network namespace joined to this one by a veth pair: {@code hostAddress} on this side,
 * {@code nsAddress} inside, a /30 from 10.213.0.0/16. {@link #close()} deletes it (and with it the pair).
 */
final class Netns implements AutoCloseable {
    final String name;
    final String hostIf;
    final String nsAddress;
    final String hostAddress;
    private final RequiredTool ip;

    private Netns(RequiredTool ip, long id) {
        this.ip = ip;
        this.name = "mbtftp" + id;
        this.hostIf = "mbt" + id + "h";
        int subnet = (int) (id % 60) * 4;
        this.hostAddress = "10.213." + (id / 60 % 250) + "." + (subnet + 1);
        this.nsAddress = "10.213." + (id / 60 % 250) + "." + (subnet + 2);
    }

    /** Creates the namespace and veth pair; skips (fails under CI=true) when not root or iproute2 is missing. */
    static Netns create() {
        requireRoot();
        RequiredTool ip = RequiredTool.find("ip", "iproute2");
        Netns ns = new Netns(ip, ProcessHandle.current().pid() % 100_000);
        ns.run(Duration.ofSeconds(10), ip.path().toString(), "netns", "del", ns.name); // a leftover from a killed run
        try {
            String nsIf = "mbt" + ProcessHandle.current().pid() % 100_000 + "n";
            ns.must("netns", "add", ns.name);
            ns.must("link", "add", ns.hostIf, "type", "veth", "peer", "name", nsIf);
            ns.must("link", "set", nsIf, "netns", ns.name);
            ns.must("addr", "add", ns.hostAddress + "/30", "dev", ns.hostIf);
            ns.must("link", "set", ns.hostIf, "up");
            ns.must("netns", "exec", ns.name, ip.path().toString(), "addr", "add", ns.nsAddress + "/30", "dev", nsIf);
            ns.must("netns", "exec", ns.name, ip.path().toString(), "link", "set", nsIf, "up");
            ns.must("netns", "exec", ns.name, ip.path().toString(), "link", "set", "lo", "up");
            return ns;
        } catch (RuntimeException | Error e) {
            ns.close();
            throw e;
        }
    }

    private static void requireRoot() {
        int uid;
        try {
            uid = (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        } catch (IOException | UnsupportedOperationException e) {
            uid = -1;
        }
        if (uid != 0) {
            String reason = "network namespaces need root (uid is " + uid + ")";
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail("CI=true and " + reason);
            }
            System.out.println("SKIPPED: " + reason);
            Assumptions.abort(reason);
        }
    }

    /** Runs {@code ip ARGS}; fails the test unless it exits 0. */
    void must(String... args) {
        List<String> command = new ArrayList<>(List.of(ip.path().toString()));
        command.addAll(List.of(args));
        RequiredTool.Run run = run(Duration.ofSeconds(20), command.toArray(String[]::new));
        if (run.exitCode() != 0) {
            throw new AssertionError(String.join(" ", command) + " exited " + run.exitCode() + ": " + run.output());
        }
    }

    /** Runs {@code command} inside the namespace. */
    RequiredTool.Run exec(Duration limit, String... command) {
        List<String> all = new ArrayList<>(List.of(ip.path().toString(), "netns", "exec", name));
        all.addAll(List.of(command));
        return run(limit, all.toArray(String[]::new));
    }

    /** Runs any command, output merged, killed after {@code limit}. */
    RequiredTool.Run run(Duration limit, String... command) {
        try {
            Path log = Files.createTempFile("netns", ".log");
            try {
                Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
                p.getOutputStream().close();
                if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                    p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                    return new RequiredTool.Run(-1, "killed after " + limit.toSeconds() + " s: "
                            + String.join(" ", command) + "\n" + Files.readString(log, StandardCharsets.UTF_8));
                }
                return new RequiredTool.Run(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            throw new AssertionError("could not run " + String.join(" ", command) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted running " + String.join(" ", command), e);
        }
    }

    @Override
    public void close() {
        run(Duration.ofSeconds(20), ip.path().toString(), "netns", "del", name);
        run(Duration.ofSeconds(20), ip.path().toString(), "link", "del", hostIf);
    }
}
