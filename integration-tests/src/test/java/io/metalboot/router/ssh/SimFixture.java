package io.metalboot.router.ssh;

import io.metalboot.router.plan.RouterKind;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.metalboot.router.RequiredTool;
import io.metalboot.sim.SimConfig;
import io.metalboot.sim.SimulatedRouter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A simulated router for the SSH tests: started in {@code dir/sim}, with login keys made by
 * ssh-keygen in {@code dir} and a known_hosts file of the test's own ({@code dir/known_hosts}).
 */
final class SimFixture implements AutoCloseable {
    static final String PASSWORD = "correct horse battery staple";

    private final Path dir;
    private final SimulatedRouter router;

    private SimFixture(Path dir, SimulatedRouter router) {
        this.dir = dir;
        this.router = router;
    }

    static SimFixture start(RouterKind kind, Path dir) {
        return start(SimConfig.of(kind, dir.resolve("sim")), dir);
    }

    static SimFixture start(SimConfig config, Path dir) {
        return new SimFixture(dir, SimulatedRouter.start(config));
    }

    SimulatedRouter router() {
        return router;
    }

    Path knownHosts() {
        return dir.resolve("known_hosts");
    }

    /** The test's defaults: loopback, the router's port and user, short timeouts, no key. */
    RouterTarget target() {
        return new RouterTarget("127.0.0.1", router.port(), router.user(), Optional.empty(), knownHosts(), false,
                Duration.ofSeconds(5), Duration.ofSeconds(20));
    }

    /** A fresh key of {@code type} ({@code ed25519}, {@code ecdsa}, {@code rsa}), authorized on the router. */
    Path authorizedKey(String type) throws IOException {
        return authorizedKey(type, "");
    }

    Path authorizedKey(String type, String passphrase) throws IOException {
        Path key = dir.resolve("id_" + type + (passphrase.isEmpty() ? "" : "_encrypted"));
        if (!Files.exists(key)) {
            RequiredTool keygen = RequiredTool.find("ssh-keygen", "openssh-client");
            RequiredTool.Run run = keygen.run("-q", "-t", type, "-N", passphrase, "-C", "test", "-f", key.toString());
            assertEquals(0, run.exitCode(), run.output());
        }
        String path = router.kind() == RouterKind.EDGEOS ? "/home/ubnt/.ssh/authorized_keys"
                : "/etc/dropbear/authorized_keys";
        router.fs().mkdir(path.substring(0, path.lastIndexOf('/')), true);
        String existing = router.fs().exists(path) ? router.fs().read(path) : "";
        router.fs().write(path, existing + Files.readString(Path.of(key + ".pub")).strip() + "\n");
        return key;
    }

    /** Credentials reading only {@code env}: no HOME (so no default keys), no agent unless given. */
    static Credentials env(Map<String, String> env) {
        return Credentials.of(name -> Optional.ofNullable(env.get(name)), Optional.empty());
    }

    /** Opens a session with {@code key}, trusting the host key on first use. */
    RouterSession open(Path key) {
        return RouterSession.open(target().withIdentity(key), env(Map.of()), HostKeyPolicy.TRUST_NEW);
    }

    @Override
    public void close() {
        router.close();
    }
}
