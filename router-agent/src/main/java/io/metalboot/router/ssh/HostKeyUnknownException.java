package io.metalboot.router.ssh;

import io.metalboot.router.RouterAgentException;
import java.nio.file.Path;

/** The router offered a host key that known_hosts does not list, and the policy is {@link HostKeyPolicy#STRICT}. */
public final class HostKeyUnknownException extends RouterAgentException {
    private static final long serialVersionUID = 1L;
    private final String keyType;
    private final String fingerprint;

    HostKeyUnknownException(String address, String keyType, String fingerprint, Path knownHosts) {
        super("router " + address + " offered a host key that is not in " + knownHosts + ": " + keyType + " "
                + fingerprint + ". Compare it with the router's own fingerprint (ssh-keygen -lf on its host key, or its"
                + " console) and, if they match, run again with --trust-new-host-key to record it.");
        this.keyType = keyType;
        this.fingerprint = fingerprint;
    }

    /** The key's algorithm name, e.g. {@code ssh-ed25519}. */
    public String keyType() {
        return keyType;
    }

    /** {@code SHA256:…}, as {@code ssh-keygen -lf} prints it. */
    public String fingerprint() {
        return fingerprint;
    }
}
