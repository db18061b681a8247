package io.metalboot.sim;

import io.metalboot.router.plan.RouterKind;
import java.nio.file.Path;
import java.util.Optional;

/**
 * How to start a simulated router: kind, directory (reused across restarts), SSH port (0 = any
 * free one), login password (empty: keys only) and whether to offer only an ssh-rsa host key.
 */
public record SimConfig(RouterKind kind, Path dir, int port, Optional<String> password, boolean rsaHostKey) {
    public SimConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is not 0-65535");
        }
    }

    public static SimConfig of(RouterKind kind, Path dir) {
        return new SimConfig(kind, dir, 0, Optional.empty(), false);
    }

    public SimConfig withPort(int p) {
        return new SimConfig(kind, dir, p, password, rsaHostKey);
    }

    public SimConfig withPassword(String p) {
        return new SimConfig(kind, dir, port, Optional.of(p), rsaHostKey);
    }

    public SimConfig withRsaHostKey() {
        return new SimConfig(kind, dir, port, password, true);
    }
}
