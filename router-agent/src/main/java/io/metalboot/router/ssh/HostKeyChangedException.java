package io.metalboot.router.ssh;

import io.metalboot.router.RouterAgentException;
import java.nio.file.Path;

/**
 * The router offered a host key that differs from the one known_hosts lists for it. Always
 * refused, whatever the {@link HostKeyPolicy}: only the operator can tell a reinstalled router
 * from someone in the middle.
 */
public final class HostKeyChangedException extends RouterAgentException {
    private static final long serialVersionUID = 1L;
    private final String offeredFingerprint;
    private final String knownFingerprint;

    HostKeyChangedException(String address, String knownHostsName, String keyType, String offered, String known,
            Path knownHosts, int line) {
        super("router " + address + " offered the " + keyType + " host key " + offered + ", but " + knownHosts + ":"
                + line + " records " + known + " for it: the router's key changed (a reset or reinstall) or someone is"
                + " intercepting the connection. Refused, even with --trust-new-host-key. If the change is expected,"
                + " delete line " + line + " of " + knownHosts + " (ssh-keygen -R '" + knownHostsName + "' -f "
                + knownHosts + ") and connect again.");
        this.offeredFingerprint = offered;
        this.knownFingerprint = known;
    }

    public String offeredFingerprint() {
        return offeredFingerprint;
    }

    public String knownFingerprint() {
        return knownFingerprint;
    }
}
