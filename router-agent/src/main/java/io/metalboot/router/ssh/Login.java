package io.metalboot.router.ssh;

import com.jcraft.jsch.AgentIdentityRepository;
import com.jcraft.jsch.AgentProxyException;
import com.jcraft.jsch.Identity;
import com.jcraft.jsch.IdentityRepository;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.KeyPair;
import com.jcraft.jsch.SSHAgentConnector;
import com.jcraft.jsch.Session;
import com.jcraft.jsch.UnixDomainSocketFactory;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Vector;

/**
 * Puts a router's credentials on a JSch session: key files (decrypted here, so JSch never prompts),
 * then the ssh-agent's keys, then a password through {@link PasswordSource} only if the router asks.
 * Remembers what it offered, by name only, for the message when the router refuses all of it.
 */
final class Login {
    private static final System.Logger LOG = System.getLogger(Login.class.getName());

    private final List<String> tried = new ArrayList<>();

    /** Configures {@code session}; fails before any connection when there is nothing to log in with. */
    static Login configure(Session session, RouterTarget target, Credentials credentials) {
        Login login = new Login();
        List<Identity> files = login.keyFiles(target, credentials);
        Optional<IdentityRepository> agent = login.agent(target, credentials);
        session.setIdentityRepository(new Identities(files, agent));
        List<String> methods = new ArrayList<>();
        if (!files.isEmpty() || agent.isPresent()) {
            methods.add("publickey");
        }
        if (credentials.mayUsePassword()) {
            PasswordSource password = new PasswordSource(target, credentials);
            session.setUserInfo(password);
            methods.add("keyboard-interactive");
            methods.add("password");
            login.tried.add(password.describe());
        }
        if (methods.isEmpty()) {
            throw new AuthenticationFailedException("nothing to log in to router " + target.address() + " as "
                    + target.user() + " with: no key file (identity in the inventory, or ~/.ssh/id_ed25519, id_ecdsa,"
                    + " id_rsa), no ssh-agent (" + Credentials.AGENT_VARIABLE + " is not set) and no password ("
                    + Credentials.PASSWORD_VARIABLE + " is not set). Provide one of them.");
        }
        session.setConfig("PreferredAuthentications", String.join(",", methods));
        return login;
    }

    /** What was offered, e.g. {@code key file /home/me/.ssh/id_ed25519, ssh-agent}. */
    String tried() {
        return String.join(", ", tried);
    }

    private List<Identity> keyFiles(RouterTarget target, Credentials credentials) {
        List<Identity> identities = new ArrayList<>();
        if (target.identity().isPresent()) {
            Path key = target.identity().get();
            if (!Files.isRegularFile(key)) {
                throw new AuthenticationFailedException("key file " + key + " for router " + target.address()
                        + " does not exist. Fix identity in the inventory, or remove it to use the default keys.");
            }
            identities.add(load(key, credentials, target).orElseThrow());
            return identities;
        }
        for (Path key : credentials.defaultKeyFiles()) {
            try {
                load(key, credentials, target).ifPresent(identities::add);
            } catch (AuthenticationFailedException e) {
                LOG.log(Level.DEBUG, "router={0} skipping default key {1}: {2}", target.address(), key, e.getMessage());
            }
        }
        return identities;
    }

    private Optional<Identity> load(Path key, Credentials credentials, RouterTarget target) {
        JSch jsch = new JSch();
        try {
            KeyPair pair = KeyPair.load(jsch, key.toString());
            byte[] passphrase = null;
            if (pair.isEncrypted()) {
                String p = credentials.keyPassphrase().orElseThrow(() -> new AuthenticationFailedException("key file "
                        + key + " is encrypted. Set " + Credentials.PASSPHRASE_VARIABLE + " to its passphrase, or add"
                        + " it to ssh-agent."));
                passphrase = p.getBytes(StandardCharsets.UTF_8);
                if (!pair.decrypt(passphrase)) {
                    throw new AuthenticationFailedException("the passphrase in " + Credentials.PASSPHRASE_VARIABLE
                            + " does not decrypt key file " + key + ". Set it to this key's passphrase.");
                }
            }
            pair.dispose();
            jsch.addIdentity(key.toString(), passphrase);
            tried.add("key file " + key);
            return Optional.of(jsch.getIdentityRepository().getIdentities().getFirst());
        } catch (JSchException e) {
            throw new AuthenticationFailedException("cannot use key file " + key + " for router " + target.address()
                    + ": " + e.getMessage() + ". Use an OpenSSH or PEM private key (ed25519, ecdsa or rsa).", e);
        }
    }

    private Optional<IdentityRepository> agent(RouterTarget target, Credentials credentials) {
        Optional<Path> socket = credentials.agentSocket();
        if (socket.isEmpty()) {
            return Optional.empty();
        }
        try {
            IdentityRepository agent = new AgentIdentityRepository(
                    new SSHAgentConnector(new UnixDomainSocketFactory(), socket.get()));
            tried.add("ssh-agent");
            return Optional.of(agent);
        } catch (AgentProxyException e) {
            LOG.log(Level.WARNING, "router={0} cannot use the ssh-agent at {1}={2}: {3}", target.address(),
                    Credentials.AGENT_VARIABLE, socket.get(), e.getMessage());
            return Optional.empty();
        }
    }

    /** Key files first, then the agent's keys (asked afresh each time, as the agent may change). */
    private record Identities(List<Identity> files, Optional<IdentityRepository> agent) implements IdentityRepository {
        @Override
        public String getName() {
            return "metalboot";
        }

        @Override
        public int getStatus() {
            return RUNNING;
        }

        @Override
        public Vector<Identity> getIdentities() {
            Vector<Identity> all = new Vector<>(files);
            agent.filter(a -> a.getStatus() != UNAVAILABLE).ifPresent(a -> all.addAll(a.getIdentities()));
            return all;
        }

        @Override
        public boolean add(byte[] identity) {
            return false;
        }

        @Override
        public boolean remove(byte[] blob) {
            return false;
        }

        @Override
        public void removeAll() {
            // the agent and the files are not ours to change
        }
    }
}
