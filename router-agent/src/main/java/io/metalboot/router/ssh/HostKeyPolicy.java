package io.metalboot.router.ssh;

/** What to do with a router host key that is not in known_hosts. A changed key is refused under both. */
public enum HostKeyPolicy {
    /** Refuse an unknown key, naming its fingerprint and the flag that trusts it. The default. */
    STRICT,
    /** Trust on first use: record an unknown key in known_hosts and go on (the {@code --trust-new-host-key} flag). */
    TRUST_NEW
}
