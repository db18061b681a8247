package io.metalboot.sim;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Router-side faults a test (or {@code metalboot sim --fault …}) arms on a simulated router. The
 * router programs consult them: a commit asks {@link #takeCommitFailure()}, the DHCP daemon restart
 * asks {@link #takeDaemonDeath()}, the configuration lock asks {@link #lockHolder()}. Connection
 * faults (drop after N commands, delays) live in the SSH layer; "disk full" in the file system.
 */
public final class Faults {
    private final AtomicReference<Optional<String>> commitFailure = new AtomicReference<>(Optional.empty());
    private final AtomicBoolean daemonDies = new AtomicBoolean();
    private final AtomicReference<Optional<String>> lockHolder = new AtomicReference<>(Optional.empty());

    /** The next commit fails with {@code message} (printed as the router prints a commit error). */
    public void failNextCommit(String message) {
        commitFailure.set(Optional.of(message));
    }

    /** Consumed by the commit that fails. */
    public Optional<String> takeCommitFailure() {
        return commitFailure.getAndSet(Optional.empty());
    }

    /** The next commit succeeds but the DHCP daemon dies right after its restart. */
    public void daemonDiesOnNextRestart() {
        daemonDies.set(true);
    }

    public boolean takeDaemonDeath() {
        return daemonDies.getAndSet(false);
    }

    /** Another session holds the configuration lock (EdgeOS commit lock / uci's flock) until released. */
    public void holdLock(String holder) {
        lockHolder.set(Optional.of(holder));
    }

    public void releaseLock() {
        lockHolder.set(Optional.empty());
    }

    public Optional<String> lockHolder() {
        return lockHolder.get();
    }
}
