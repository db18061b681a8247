package io.metalboot.router.ssh;

import com.jcraft.jsch.HostKey;
import com.jcraft.jsch.HostKeyRepository;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.UserInfo;
import io.metalboot.router.RouterAgentException;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Optional;

/**
 * JSch's host key check for one session, against the target's known_hosts under a {@link HostKeyPolicy}.
 * JSch calls {@link #check} after the server proved it holds the key; a refusal is kept here so the
 * session can throw it in place of JSch's generic exception.
 */
final class HostKeyGate implements HostKeyRepository {
    private static final System.Logger LOG = System.getLogger(HostKeyGate.class.getName());

    private final RouterTarget target;
    private final HostKeyPolicy policy;
    private final KnownHostsFile knownHosts;
    private volatile Optional<RouterAgentException> refusal = Optional.empty();

    HostKeyGate(RouterTarget target, HostKeyPolicy policy) {
        this.target = target;
        this.policy = policy;
        this.knownHosts = new KnownHostsFile(target.knownHosts());
    }

    /** Why the last check refused the key, if it did. */
    Optional<RouterAgentException> refusal() {
        return refusal;
    }

    @Override
    public int check(String host, byte[] key) {
        PublicKeyBlob offered = new PublicKeyBlob(key);
        String name = target.knownHostsName();
        return switch (knownHosts.check(name, offered)) {
            case KnownHostsFile.Verdict.Known k -> OK;
            case KnownHostsFile.Verdict.Changed c -> {
                refusal = Optional.of(new HostKeyChangedException(target.address(), name, offered.type(),
                        offered.fingerprint(), c.known().key().fingerprint(), knownHosts.file(), c.known().line()));
                LOG.log(Level.WARNING, "router={0} host key changed: offered {1}, known_hosts line {2} has {3}",
                        target.address(), offered, c.known().line(), c.known().key().fingerprint());
                yield CHANGED;
            }
            case KnownHostsFile.Verdict.Unknown u when policy == HostKeyPolicy.TRUST_NEW -> {
                knownHosts.append(name, offered);
                LOG.log(Level.INFO, "router={0} trusted new host key {1}, recorded in {2}", target.address(), offered,
                        knownHosts.file());
                yield OK;
            }
            case KnownHostsFile.Verdict.Unknown u -> {
                refusal = Optional.of(new HostKeyUnknownException(target.address(), offered.type(),
                        offered.fingerprint(), knownHosts.file()));
                yield NOT_INCLUDED;
            }
        };
    }

    /** The known keys for {@code host}, so JSch asks the router for a key type already recorded. */
    @Override
    public HostKey[] getHostKey(String host, String type) {
        return knownHosts.entriesFor(target.knownHostsName()).stream()
                .filter(e -> type == null || e.key().type().equals(type))
                .flatMap(e -> hostKey(host, e.key()).stream())
                .toArray(HostKey[]::new);
    }

    private static List<HostKey> hostKey(String host, PublicKeyBlob key) {
        try {
            return List.of(new HostKey(host, HostKey.GUESS, key.bytes()));
        } catch (JSchException e) {
            return List.of(); // a key type JSch does not know cannot steer its choice
        }
    }

    @Override
    public HostKey[] getHostKey() {
        return getHostKey(target.knownHostsName(), null);
    }

    /** Never called with StrictHostKeyChecking=yes; trust on first use goes through {@link #check}. */
    @Override
    public void add(HostKey hostkey, UserInfo ui) {
        throw new UnsupportedOperationException("host keys are recorded by HostKeyGate.check");
    }

    @Override
    public void remove(String host, String type) {
        throw new UnsupportedOperationException("metalboot never removes host keys");
    }

    @Override
    public void remove(String host, String type, byte[] key) {
        throw new UnsupportedOperationException("metalboot never removes host keys");
    }

    @Override
    public String getKnownHostsRepositoryID() {
        return knownHosts.file().toString();
    }
}
