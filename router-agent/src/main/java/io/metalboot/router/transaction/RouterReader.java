package io.metalboot.router.transaction;

import io.metalboot.router.ssh.RouterShell;

/** Reads the router in one round trip and plans against the desired state (the controller knows the desired state). */
@FunctionalInterface
public interface RouterReader {
    Reading read(RouterShell session);
}
