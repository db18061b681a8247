package io.metalboot.router.ssh;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where and how to reach one router over SSH. {@link #of(String, String)} fills in the usual
 * defaults: port 22, {@code ~/.ssh/known_hosts}, no explicit key (the default key files, the agent
 * or a password are tried), no legacy {@code ssh-rsa}, 10 s to connect, 60 s per command.
 *
 * @param host            the router's name or address
 * @param port            its SSH port, 1-65535
 * @param user            the login user ({@code ubnt} on EdgeOS, {@code root} on OpenWrt)
 * @param identity        a private key file to log in with; empty: the default key files
 * @param knownHosts      the OpenSSH known_hosts file the router's host key is checked against
 * @param legacySshRsa    allow {@code ssh-rsa} (SHA-1) signatures, for old firmware that offers nothing else
 * @param connectTimeout  the longest the TCP connect and SSH handshake may take
 * @param commandTimeout  the longest one {@link RouterSession#exec} may take
 */
public record RouterTarget(String host, int port, String user, Optional<Path> identity, Path knownHosts,
        boolean legacySshRsa, Duration connectTimeout, Duration commandTimeout) {
    public static final int DEFAULT_PORT = 22;
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration MAX_TIMEOUT = Duration.ofHours(24);
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._:%-]+");
    private static final Pattern USER = Pattern.compile("[A-Za-z0-9._][A-Za-z0-9._-]*");

    public RouterTarget {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(knownHosts, "knownHosts");
        if (host == null || !HOST.matcher(host).matches()) {
            throw new IllegalArgumentException("router host '" + host + "' is not a host name or IP address"
                    + " (expected e.g. 192.168.1.1 or router.lan)");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("router port " + port + " is not a TCP port (expected 1-65535, usually 22)");
        }
        if (user == null || !USER.matcher(user).matches()) {
            throw new IllegalArgumentException("router user '" + user + "' is not a login name"
                    + " (expected letters, digits, '.', '_' or '-', e.g. ubnt or root)");
        }
        requireTimeout("connect", connectTimeout);
        requireTimeout("command", commandTimeout);
    }

    private static void requireTimeout(String what, Duration timeout) {
        if (timeout == null || timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw new IllegalArgumentException(what + " timeout " + timeout + " is out of range (expected more than 0 s"
                    + " and at most 24 h, e.g. 10s)");
        }
    }

    /** A target with the defaults; {@code ~} is the {@code user.home} system property. */
    public static RouterTarget of(String host, String user) {
        Path knownHosts = Path.of(System.getProperty("user.home"), ".ssh", "known_hosts");
        return new RouterTarget(host, DEFAULT_PORT, user, Optional.empty(), knownHosts, false,
                DEFAULT_CONNECT_TIMEOUT, DEFAULT_COMMAND_TIMEOUT);
    }

    public RouterTarget withPort(int p) {
        return new RouterTarget(host, p, user, identity, knownHosts, legacySshRsa, connectTimeout, commandTimeout);
    }

    public RouterTarget withIdentity(Path key) {
        return new RouterTarget(host, port, user, Optional.of(key), knownHosts, legacySshRsa, connectTimeout, commandTimeout);
    }

    public RouterTarget withKnownHosts(Path file) {
        return new RouterTarget(host, port, user, identity, file, legacySshRsa, connectTimeout, commandTimeout);
    }

    public RouterTarget withLegacySshRsa(boolean allow) {
        return new RouterTarget(host, port, user, identity, knownHosts, allow, connectTimeout, commandTimeout);
    }

    public RouterTarget withConnectTimeout(Duration d) {
        return new RouterTarget(host, port, user, identity, knownHosts, legacySshRsa, d, commandTimeout);
    }

    public RouterTarget withCommandTimeout(Duration d) {
        return new RouterTarget(host, port, user, identity, knownHosts, legacySshRsa, connectTimeout, d);
    }

    /** {@code host:port} ({@code [v6]:port} for an IPv6 address), as logs and messages name the router. */
    public String address() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    /** The name OpenSSH files the host key under: {@code host} on port 22, else {@code [host]:port}. */
    String knownHostsName() {
        return port == DEFAULT_PORT ? host : "[" + host + "]:" + port;
    }
}
