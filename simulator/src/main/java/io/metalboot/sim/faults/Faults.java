package io.metalboot.sim.faults;

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
    private final AtomicReference<Optional<java.util.Map.Entry<java.util.regex.Pattern, String>>> meddler =
            new AtomicReference<>(Optional.empty());

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

    /**
     * Another administrator, logged in at the same time, runs {@code script} on the router right after
     * the next command whose command line matches {@code pattern} (once): e.g. LuCI's "Revert" of
     * dhcp ({@code uci revert dhcp}) between metalboot's {@code uci batch} and its {@code uci commit}.
     */
    public void afterCommandAnotherAdminRuns(String pattern, String script) {
        meddler.set(Optional.of(java.util.Map.entry(java.util.regex.Pattern.compile(pattern), script)));
    }

    /** The script to run after {@code commandLine}, consumed when it matches. */
    public Optional<String> takeScriptAfter(String commandLine) {
        Optional<java.util.Map.Entry<java.util.regex.Pattern, String>> armed = meddler.get();
        if (armed.isPresent() && armed.get().getKey().matcher(commandLine).find() && meddler.compareAndSet(armed, Optional.empty())) {
            return Optional.of(armed.get().getValue());
        }
        return Optional.empty();
    }
}
