package io.metalboot.sim.ssh;

import io.metalboot.sim.shell.ConnectionDropped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.List;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.AbstractCommandSupport;
import org.apache.sshd.server.config.keys.AuthorizedKeysAuthenticator;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;

/**
 * The SSH side of a simulated router: Apache SSHD on a loopback address, password and public-key
 * login for one user, exec channels and interactive shells handed to a {@link ChannelHandler}.
 */
public final class SshFront implements AutoCloseable {
    private final SshServer server;

    private SshFront(SshServer server) {
        this.server = server;
    }

    /** Starts listening on {@code host:port} (port 0 picks a free one). */
    public static SshFront start(String host, int port, SshLogin login, ChannelHandler handler) {
        SshServer server = SshServer.setUpDefaultServer();
        server.setHost(host);
        server.setPort(port);
        try {
            Files.createDirectories(login.hostKey().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + login.hostKey().getParent(), e);
        }
        SimpleGeneratorHostKeyProvider keys = new SimpleGeneratorHostKeyProvider(login.hostKey());
        keys.setAlgorithm(login.rsaHostKey() ? "RSA" : "EC");
        server.setKeyPairProvider(keys);
        if (login.rsaHostKey()) {
            // old dropbear signs with SHA-1 only: no rsa-sha2-* for the host key (client keys keep their algorithms)
            server.setSignatureFactories(server.getSignatureFactories().stream()
                    .filter(f -> !f.getName().startsWith("rsa-sha2-")).toList());
        }
        server.setPasswordAuthenticator((user, password, session) -> user.equals(login.user())
                && login.password().isPresent() && MessageDigest.isEqual(password.getBytes(), login.password().get().getBytes()));
        AuthorizedKeysAuthenticator authorized = new AuthorizedKeysAuthenticator(login.authorizedKeys());
        server.setPublickeyAuthenticator((user, key, session) -> user.equals(login.user())
                && Files.isRegularFile(login.authorizedKeys()) && authorized.authenticate(user, key, session));
        server.setKeyboardInteractiveAuthenticator(null);
        server.setCommandFactory((channel, command) -> new Channel(command, handler, false));
        server.setShellFactory(channel -> new Channel(null, handler, true));
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        return new SshFront(server);
    }

    public int port() {
        return server.getPort();
    }

    public String host() {
        return server.getHost();
    }

    /** Drops every open connection at once (a reboot or a pulled cable). */
    public void dropAll() {
        List.copyOf(server.getActiveSessions()).forEach(s -> s.close(true));
    }

    @Override
    public void close() {
        try {
            server.stop(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One exec or shell channel, run on the command's own thread. */
    private static final class Channel extends AbstractCommandSupport {
        private final ChannelHandler handler;
        private final boolean interactive;
        private boolean tty;

        Channel(String command, ChannelHandler handler, boolean interactive) {
            super(command, null);
            this.handler = handler;
            this.interactive = interactive;
        }

        @Override
        public void start(ChannelSession channel, Environment env) throws IOException {
            tty = env.getEnv().containsKey(Environment.ENV_TERM);
            super.start(channel, env);
        }

        @Override
        public void run() {
            try {
                int status = 0;
                if (interactive) {
                    status = handler.shell(getInputStream(), getOutputStream(), getErrorStream(), tty);
                } else {
                    status = handler.exec(getCommand(), getInputStream(), getOutputStream(), getErrorStream());
                }
                flush();
                onExit(status);
            } catch (ConnectionDropped e) {
                getServerSession().close(true);
            }
        }

        private void flush() {
            try {
                getOutputStream().flush();
                getErrorStream().flush();
            } catch (IOException e) {
                // the client went away; nothing left to tell it
            }
        }
    }
}
