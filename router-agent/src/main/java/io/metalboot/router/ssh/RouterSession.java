package io.metalboot.router.ssh;

import com.jcraft.jsch.ChannelExec;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import io.metalboot.router.RouterAgentException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * One SSH connection to a router, for a whole apply: every {@link #exec} is one exec channel (one
 * round trip) on the same TCP connection, its script run by the router's shell as {@code sh -c}.
 * Keepalives detect a dead link; each command has the target's timeout. Not thread-safe.
 */
public final class RouterSession implements RouterShell, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(RouterSession.class.getName());
    static final Duration KEEPALIVE_INTERVAL = Duration.ofSeconds(15);
    static final int KEEPALIVE_COUNT_MAX = 3;
    private static final int SUMMARY_LENGTH = 60;

    private final RouterTarget target;
    private final Session session;
    private final CountingSocketFactory wire;
    private final AtomicInteger roundTrips = new AtomicInteger();

    private RouterSession(RouterTarget target, Session session, CountingSocketFactory wire) {
        this.target = target;
        this.session = session;
        this.wire = wire;
    }

    /**
     * Connects and logs in, checking the router's host key under {@code policy}.
     *
     * @throws HostKeyUnknownException        the key is not in known_hosts (STRICT)
     * @throws HostKeyChangedException        known_hosts has another key for the router
     * @throws SshNegotiationException        no common algorithm, e.g. an ssh-rsa-only router without legacySshRsa
     * @throws AuthenticationFailedException  no usable credentials, or the router refused them
     * @throws RouterUnreachableException     no connection within the connect timeout
     */
    public static RouterSession open(RouterTarget target, Credentials credentials, HostKeyPolicy policy) {
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(policy, "policy");
        Session session;
        try {
            session = new JSch().getSession(target.user(), target.host(), target.port());
        } catch (JSchException e) {
            throw new RouterAgentException("cannot set up an SSH session for router " + target.address() + ": "
                    + e.getMessage(), e);
        }
        session.setLogger(new JschLog(target.address()));
        HostKeyGate gate = new HostKeyGate(target, policy);
        session.setHostKeyRepository(gate);
        session.setConfig("StrictHostKeyChecking", "yes");
        session.setConfig("server_host_key", hostKeyAlgorithms(target.legacySshRsa()));
        session.setConfig("PubkeyAcceptedAlgorithms", userKeyAlgorithms(target.legacySshRsa()));
        CountingSocketFactory wire = new CountingSocketFactory(target.connectTimeout());
        session.setSocketFactory(wire);
        Login login = Login.configure(session, target, credentials);
        try {
            session.setServerAliveInterval((int) KEEPALIVE_INTERVAL.toMillis());
            session.setServerAliveCountMax(KEEPALIVE_COUNT_MAX);
            session.connect((int) target.connectTimeout().toMillis());
        } catch (JSchException e) {
            session.disconnect();
            RouterAgentException failure = ConnectFailure.translate(e, target, gate, login);
            LOG.log(Level.WARNING, "router={0} connect failed: {1}", target.address(), failure.getMessage());
            throw failure;
        }
        LOG.log(Level.DEBUG, "router={0} connected as {1} (host key {2})", target.address(), target.user(),
                session.getServerHostKeyAlgorithm());
        return new RouterSession(target, session, wire);
    }

    /** JSch's host key algorithms without certificates (known_hosts has no CA lines for routers), plus ssh-rsa if allowed. */
    static String hostKeyAlgorithms(boolean legacySshRsa) {
        String plain = Arrays.stream(JSch.getConfig("server_host_key").split(","))
                .filter(a -> !a.contains("-cert-v01@openssh.com")).collect(Collectors.joining(","));
        return legacySshRsa ? plain + ",ssh-rsa" : plain;
    }

    static String userKeyAlgorithms(boolean legacySshRsa) {
        String defaults = JSch.getConfig("PubkeyAcceptedAlgorithms");
        return legacySshRsa ? defaults + ",ssh-rsa" : defaults;
    }

    public RouterTarget target() {
        return target;
    }

    /**
     * Scripts longer than this travel on standard input instead of in the exec request: a router's
     * sshd runs the request as one {@code -c} argument, which Linux caps at 128 KiB (MAX_ARG_STRLEN),
     * and its packets at 256 KiB.
     */
    static final int MAX_COMMAND_BYTES = 32 * 1024;

    /**
     * Runs {@code script} with no standard input, in one round trip whatever its size: a long script
     * is copied to a temporary file on the router through standard input, run with {@code sh}, and
     * removed.
     */
    @Override
    public ExecResult exec(String script) {
        byte[] bytes = script.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= MAX_COMMAND_BYTES) {
            return exec(script, new byte[0]);
        }
        return run(viaFile(), bytes, summary(script));
    }

    /** The command that runs a script arriving on standard input from a temporary file. */
    static String viaFile() {
        return "mb_s=$(mktemp /tmp/metalboot.XXXXXX) || exit 125; cat > \"$mb_s\" || { rm -f \"$mb_s\"; exit 125; };"
                + " sh \"$mb_s\" </dev/null; mb_r=$?; rm -f \"$mb_s\"; exit $mb_r";
    }

    /**
     * Runs {@code script} in one exec channel with {@code stdin} as its standard input (then EOF).
     *
     * @throws CommandTimeoutException   it did not finish within the command timeout
     * @throws ConnectionLostException   the connection dropped before it reported an exit status
     */
    public ExecResult exec(String script, byte[] stdin) {
        Objects.requireNonNull(script, "script");
        return run(script, stdin, summary(script));
    }

    private ExecResult run(String script, byte[] stdin, String summary) {
        Objects.requireNonNull(stdin, "stdin");
        int trip = roundTrips.incrementAndGet();
        long started = System.nanoTime();
        ChannelExec channel = openChannel(summary);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        channel.setCommand(script.getBytes(StandardCharsets.UTF_8));
        channel.setInputStream(new ByteArrayInputStream(stdin));
        channel.setOutputStream(out);
        channel.setErrStream(err);
        try {
            channel.connect((int) target.commandTimeout().toMillis());
            awaitClose(channel, started, summary);
        } catch (JSchException e) {
            throw lost(summary, out, e);
        } finally {
            channel.disconnect();
        }
        int status = channel.getExitStatus();
        if (status < 0) {
            throw lost(summary, out, null);
        }
        LOG.log(Level.DEBUG, "router={0} exec #{1} ''{2}'' exited {3} after {4} ms", target.address(), trip, summary,
                status, (System.nanoTime() - started) / 1_000_000);
        return new ExecResult(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private ChannelExec openChannel(String summary) {
        try {
            return (ChannelExec) session.openChannel("exec");
        } catch (JSchException e) {
            throw lost(summary, new ByteArrayOutputStream(), e);
        }
    }

    /** Waits for the channel to close (exit status, output and EOF all in), polling briefly, up to the timeout. */
    private void awaitClose(ChannelExec channel, long started, String summary) {
        long deadline = started + target.commandTimeout().toNanos();
        long pause = 1;
        while (!channel.isClosed()) {
            if (System.nanoTime() - deadline > 0) {
                LOG.log(Level.WARNING, "router={0} command ''{1}'' timed out after {2}", target.address(), summary,
                        CommandTimeoutException.seconds(target.commandTimeout()));
                throw new CommandTimeoutException(target.address(), summary, target.commandTimeout());
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RouterAgentException("interrupted while router " + target.address() + " ran '" + summary
                        + "'; the command may still be running there.", e);
            }
            pause = Math.min(pause * 2, 10);
        }
    }

    private ConnectionLostException lost(String summary, ByteArrayOutputStream out, Throwable cause) {
        LOG.log(Level.WARNING, "router={0} connection lost during ''{1}''", target.address(), summary);
        return new ConnectionLostException(target.address(), summary, out.toString(StandardCharsets.UTF_8), cause);
    }

    /** The script's first line, cut to 60 characters, for logs and messages. */
    static String summary(String script) {
        String first = script.strip().lines().findFirst().orElse("");
        boolean more = first.length() > SUMMARY_LENGTH || !first.equals(script.strip());
        return (first.length() > SUMMARY_LENGTH ? first.substring(0, SUMMARY_LENGTH) : first) + (more ? " …" : "");
    }

    /** How many exec round trips this session made. */
    public int roundTrips() {
        return roundTrips.get();
    }

    /** Bytes written to the TCP connection so far (SSH framing and encryption included). */
    public long bytesSent() {
        return wire.sent();
    }

    /** Bytes read from the TCP connection so far. */
    public long bytesReceived() {
        return wire.received();
    }

    @Override
    public boolean isConnected() {
        return session.isConnected();
    }

    @Override
    public void close() {
        if (session.isConnected()) {
            session.disconnect();
            LOG.log(Level.DEBUG, "router={0} disconnected after {1} round trips, {2} bytes sent, {3} received",
                    target.address(), roundTrips.get(), wire.sent(), wire.received());
        }
    }
}
