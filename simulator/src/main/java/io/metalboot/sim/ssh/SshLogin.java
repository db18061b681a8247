package io.metalboot.sim.ssh;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Who may log in to a simulated router: one user, with a password (if any) and the host path of
 * the authorized_keys file inside the router's root (e.g. {@code /etc/dropbear/authorized_keys}).
 * {@code hostKey} is where the host key is kept, so known_hosts stays valid across restarts;
 * {@code rsaHostKey} offers only an RSA host key signed with {@code ssh-rsa} (SHA-1), as older dropbear builds do.
 */
public record SshLogin(String user, Optional<String> password, Path authorizedKeys, Path hostKey, boolean rsaHostKey) {
}
