package io.metalboot.sim;

import io.metalboot.router.plan.RouterKind;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.metalboot.router.RequiredTool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real OpenSSH client against a simulated router: a fresh ed25519 key authorized on the router,
 * a known_hosts file of the test's own, strict host key checking after the first contact.
 */
final class OpenSsh implements AutoCloseable {
    record Result(int exitCode, String out, String err) {
    }

    private final SimulatedRouter router;
    private final Path key;
    private final Path knownHosts;
    private final String ssh;

    OpenSsh(SimulatedRouter router, Path dir) throws IOException, InterruptedException {
        this.router = router;
        this.ssh = RequiredTool.find("ssh", "openssh-client").path().toString();
        String keygen = RequiredTool.find("ssh-keygen", "openssh-client").path().toString();
        this.key = dir.resolve("id_ed25519");
        this.knownHosts = dir.resolve("known_hosts");
        if (!Files.exists(key)) {
            Process p = new ProcessBuilder(keygen, "-q", "-t", "ed25519", "-N", "", "-f", key.toString()).start();
            assertEquals(0, p.waitFor(), "ssh-keygen failed");
        }
        router.authorize(Files.readString(dir.resolve("id_ed25519.pub")));
    }

    /** Starts a router of {@code kind} in {@code dir}/sim and a client authorized on it. */
    static OpenSsh start(RouterKind kind, Path dir) throws IOException, InterruptedException {
        return new OpenSsh(SimulatedRouter.start(SimConfig.of(kind, dir.resolve("sim"))), dir);
    }

    SimulatedRouter router() {
        return router;
    }

    @Override
    public void close() {
        router.close();
    }

    /** Runs {@code command} on the router; accept-new records the host key on first contact. */
    Result run(String command) throws IOException, InterruptedException {
        return run(command, "accept-new");
    }

    Result run(String command, String strictHostKeyChecking) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of(ssh, "-p", Integer.toString(router.port()), "-i", key.toString(),
                "-o", "BatchMode=yes", "-o", "IdentitiesOnly=yes", "-o", "UserKnownHostsFile=" + knownHosts,
                "-o", "StrictHostKeyChecking=" + strictHostKeyChecking, "-o", "ConnectTimeout=10",
                "-o", "LogLevel=ERROR", "-T", router.user() + "@127.0.0.1", command));
        Path errFile = Files.createTempFile(knownHosts.getParent(), "ssh-", ".err");
        Process p = new ProcessBuilder(argv).redirectError(errFile.toFile()).start();
        p.getOutputStream().close();
        var out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("ssh did not finish within 60 s: " + command);
        }
        String err = Files.readString(errFile);
        Files.delete(errFile);
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), err);
    }
}
