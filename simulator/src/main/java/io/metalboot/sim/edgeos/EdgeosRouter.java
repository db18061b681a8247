package io.metalboot.sim.edgeos;

import io.metalboot.router.edgeos.ConfigChange;
import io.metalboot.router.edgeos.ConfigTree;
import io.metalboot.sim.faults.Faults;
import io.metalboot.sim.fs.RouterFs;
import io.metalboot.sim.shell.Processes;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A simulated EdgeRouter's configuration system over its file system: the active configuration
 * (loaded from {@code /config/config.boot} at boot), one working configuration per session, the
 * commit lock, the DHCP daemon and the pending {@code commit-confirm}. Sessions are keyed like
 * {@code vyatta-cfg-cmd-wrapper}'s: by the pid of the shell running the script, so every command of
 * one script shares a session and a new SSH channel starts without the staged changes. The SSH
 * layer calls {@link #sessionEnded} when a shell goes away; {@link #reboot} is a power cycle.
 */
public final class EdgeosRouter {
    public static final String CONFIG_BOOT = "/config/config.boot";

    private final RouterFs fs;
    private final Faults faults;
    private final Scheduler scheduler;
    private final DhcpDaemon dhcpd;
    private final CommitConfirm confirm;
    private final ReentrantLock commitLock = new ReentrantLock();
    private final Map<String, Session> sessions = new HashMap<>();
    private final List<Runnable> rebootListeners = new CopyOnWriteArrayList<>();
    private ConfigTree active = ConfigTree.empty();

    /** Boots the router from what {@code fs} holds (see {@link EdgeosImage#install}). */
    public EdgeosRouter(RouterFs fs, Processes processes, Faults faults, Scheduler scheduler) {
        this.fs = fs;
        this.faults = faults;
        this.scheduler = scheduler;
        this.dhcpd = new DhcpDaemon(fs, processes, faults, scheduler);
        this.confirm = new CommitConfirm(this, scheduler);
        boot();
    }

    public RouterFs fs() {
        return fs;
    }

    public Faults faults() {
        return faults;
    }

    /** The running configuration. */
    public synchronized ConfigTree active() {
        return active;
    }

    /** The working configuration of session {@code sessionId}; empty when there is no such session. */
    public Optional<ConfigTree> working(int sessionId) {
        return working(String.valueOf(sessionId));
    }

    /** The shell {@code shellPid} is gone: its session, and what it had not committed, go with it. */
    public synchronized void sessionEnded(int shellPid) {
        sessions.remove(String.valueOf(shellPid));
    }

    /** Runs {@code listener} after every reboot (the SSH layer drops its connections). */
    public void onReboot(Runnable listener) {
        rebootListeners.add(listener);
    }

    /**
     * A power cycle: the active configuration is read back from config.boot (unsaved commits are
     * lost), sessions, {@code /tmp} and {@code /var/run} are wiped, dhcpd starts from the reloaded
     * configuration, and a pending commit-confirm is forgotten.
     */
    public void reboot() {
        rebootListeners.forEach(Runnable::run); // power off: connections and processes go first
        Thread.interrupted(); // a reboot run from a shell was just killed with it; this thread now boots
        boot();
    }

    public boolean dhcpdRunning() {
        return dhcpd.running();
    }

    public OptionalInt dhcpdPid() {
        return dhcpd.pid();
    }

    /** What the running dhcpd loaded at its start: dhcpd.conf with its includes pasted in. */
    public Optional<String> dhcpdServedConfig() {
        return dhcpd.served();
    }

    /** Appends a lease to {@code /config/dhcpd.leases}, as dhcpd does when it hands one out. */
    public void addLease(Lease lease) throws IOException {
        try (OutputStream out = fs.open(DhcpDaemon.LEASES, true)) {
            out.write(lease.block().getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Whether a commit-confirm reboot is scheduled and not yet confirmed. */
    public boolean commitConfirmPending() {
        return confirm.pending();
    }

    Scheduler scheduler() {
        return scheduler;
    }

    DhcpDaemon dhcpd() {
        return dhcpd;
    }

    CommitConfirm confirm() {
        return confirm;
    }

    ReentrantLock commitLock() {
        return commitLock;
    }

    synchronized Optional<ConfigTree> working(String sessionId) {
        return Optional.ofNullable(sessions.get(sessionId)).map(session -> session.working(active));
    }

    synchronized boolean inSession(String sessionId) {
        return sessions.containsKey(sessionId);
    }

    /** {@code setupSession}: idempotent. */
    synchronized void beginSession(String sessionId) {
        sessions.computeIfAbsent(sessionId, id -> new Session());
    }

    /** {@code teardownSession}: false when there was none. */
    synchronized boolean endSession(String sessionId) {
        return sessions.remove(sessionId) != null;
    }

    synchronized boolean sessionChanged(String sessionId) {
        return Optional.ofNullable(sessions.get(sessionId)).map(Session::changed).orElse(false);
    }

    synchronized boolean sessionUnsaved(String sessionId) {
        return Optional.ofNullable(sessions.get(sessionId)).map(Session::unsaved).orElse(false);
    }

    synchronized void markSaved(String sessionId) {
        Optional.ofNullable(sessions.get(sessionId)).ifPresent(session -> session.unsaved(false));
    }

    /** {@code my_set}/{@code my_delete}/{@code my_comment} in session {@code sessionId} (which must exist). */
    synchronized ConfigChange edit(String sessionId, String verb, List<String> words) {
        Session session = sessions.get(sessionId);
        ConfigTree working = session.working(active);
        ConfigChange change = switch (verb) {
            case "set" -> working.set(words);
            case "delete" -> working.delete(words);
            default -> working.comment(words);
        };
        if (change.status() == ConfigChange.Status.APPLIED) {
            session.record(new Session.Change(verb, words));
        }
        return change;
    }

    /** {@code load}: the session's working tree becomes {@code tree}. */
    synchronized void load(String sessionId, ConfigTree tree) {
        sessions.get(sessionId).record(new Session.Replace(tree));
    }

    /** {@code discard}: how many edits were dropped (0 when none, or no session). */
    synchronized int discard(String sessionId) {
        return Optional.ofNullable(sessions.get(sessionId)).map(Session::clear).orElse(0);
    }

    /** A commit made {@code next} active; {@code complete} when the whole working tree went in. */
    synchronized void activate(String sessionId, ConfigTree next, boolean complete) {
        active = next;
        Session session = sessions.get(sessionId);
        if (session != null) {
            session.unsaved(true);
            if (complete) {
                session.clear();
            }
        }
    }

    private void boot() {
        ConfigTree loaded;
        synchronized (this) {
            sessions.clear();
            wipe("/tmp");
            wipe("/var/run");
            loaded = readConfigBoot();
            active = loaded;
        }
        confirm.forget();
        dhcpd.stop();
        dhcpd.configure(loaded);
    }

    private ConfigTree readConfigBoot() {
        if (!fs.exists(CONFIG_BOOT)) {
            return ConfigTree.empty();
        }
        try {
            return ConfigTree.parseBoot(fs.read(CONFIG_BOOT), CONFIG_BOOT);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + CONFIG_BOOT + " at boot: " + e.getMessage(), e);
        }
    }

    private void wipe(String directory) {
        try {
            if (fs.exists(directory)) {
                fs.delete(directory, true);
            }
            fs.mkdir(directory, true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot wipe " + directory + " at boot: " + e.getMessage(), e);
        }
    }
}
