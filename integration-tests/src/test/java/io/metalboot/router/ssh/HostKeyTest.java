package io.metalboot.router.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metalboot.router.RequiredTool;
import io.metalboot.sim.SimConfig;
import io.metalboot.router.plan.RouterKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Host keys: unknown refused with the fingerprint ssh-keygen shows, trust on first use, changed always refused, legacy ssh-rsa. */
class HostKeyTest {
    @TempDir
    Path dir;

    /** The router's host key fingerprint as {@code ssh-keygen -lf} prints it for its host key file. */
    static String fingerprintOf(Path file) {
        RequiredTool.Run run = RequiredTool.find("ssh-keygen", "openssh-client").run("-lf", file.toString());
        assertEquals(0, run.exitCode(), run.output());
        return run.output().split(" ")[1];
    }

    @ParameterizedTest
    @EnumSource(value = RouterKind.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void anUnknownKeyIsRefusedWithItsFingerprintAndTheFlagToTrustIt(RouterKind kind) throws Exception {
        try (SimFixture sim = SimFixture.start(kind, dir)) {
            RouterTarget target = sim.target().withIdentity(sim.authorizedKey("ed25519"));
            var e = assertThrows(HostKeyUnknownException.class,
                    () -> RouterSession.open(target, SimFixture.env(Map.of()), HostKeyPolicy.STRICT));
            String fingerprint = fingerprintOf(sim.router().dir().resolve("ssh_host_key"));
            assertEquals("router 127.0.0.1:" + sim.router().port() + " offered a host key that is not in "
                    + sim.knownHosts() + ": ecdsa-sha2-nistp521 " + fingerprint + ". Compare it with the router's own"
                    + " fingerprint (ssh-keygen -lf on its host key, or its console) and, if they match, run again with"
                    + " --trust-new-host-key to record it.", e.getMessage());
            assertEquals(fingerprint, e.fingerprint());
            assertTrue(Files.notExists(sim.knownHosts()), "STRICT writes nothing");
            assertTrue(sim.router().log().execs().isEmpty(), "nothing ran");
        }
    }

    @ParameterizedTest
    @EnumSource(value = RouterKind.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void trustOnFirstUseRecordsTheKeyAsOpenSshDoesAndStrictAcceptsItThen(RouterKind kind) throws Exception {
        try (SimFixture sim = SimFixture.start(kind, dir)) {
            RouterTarget target = sim.target().withIdentity(sim.authorizedKey("ed25519"));
            try (RouterSession s = RouterSession.open(target, SimFixture.env(Map.of()), HostKeyPolicy.TRUST_NEW)) {
                assertEquals(0, s.exec("true").status());
            }
            String line = Files.readString(sim.knownHosts());
            assertTrue(line.matches("\\[127\\.0\\.0\\.1]:" + sim.router().port() + " ecdsa-sha2-nistp521 [A-Za-z0-9+/=]+\n"), line);
            RequiredTool keygen = RequiredTool.find("ssh-keygen", "openssh-client");
            RequiredTool.Run found = keygen.run("-F", "[127.0.0.1]:" + sim.router().port(), "-f", sim.knownHosts().toString());
            assertEquals(0, found.exitCode(), "OpenSSH finds the recorded entry: " + found.output());
            assertEquals(fingerprintOf(sim.knownHosts()), fingerprintOf(sim.router().dir().resolve("ssh_host_key")));
            try (RouterSession s = RouterSession.open(target, SimFixture.env(Map.of()), HostKeyPolicy.STRICT)) {
                assertEquals(0, s.exec("true").status());
            }
            assertEquals(line, Files.readString(sim.knownHosts()), "a known key is not recorded twice");
        }
    }

    @Test
    void aHashedEntryWrittenByOpenSshIsKnown() throws Exception {
        try (SimFixture sim = SimFixture.start(RouterKind.OPENWRT, dir)) {
            RouterTarget target = sim.target().withIdentity(sim.authorizedKey("ed25519"));
            RouterSession.open(target, SimFixture.env(Map.of()), HostKeyPolicy.TRUST_NEW).close();
            RequiredTool.Run hashed = RequiredTool.find("ssh-keygen", "openssh-client").run("-H", "-f", sim.knownHosts().toString());
            assertEquals(0, hashed.exitCode(), hashed.output());
            assertTrue(Files.readString(sim.knownHosts()).startsWith("|1|"), Files.readString(sim.knownHosts()));
            try (RouterSession s = RouterSession.open(target, SimFixture.env(Map.of()), HostKeyPolicy.STRICT)) {
                assertEquals(0, s.exec("true").status());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(HostKeyPolicy.class)
    void aChangedKeyIsRefusedUnderEveryPolicy(HostKeyPolicy policy) throws Exception {
        int port;
        String known;
        try (SimFixture first = SimFixture.start(RouterKind.EDGEOS, dir)) {
            RouterSession.open(first.target().withIdentity(first.authorizedKey("ed25519")), SimFixture.env(Map.of()),
                    HostKeyPolicy.TRUST_NEW).close();
            port = first.router().port();
            known = fingerprintOf(first.router().dir().resolve("ssh_host_key"));
        }
        Files.writeString(dir.resolve("known_hosts"), "# routers\nrouter.lan ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIF2p\n"
                + Files.readString(dir.resolve("known_hosts")));
        try (SimFixture second = SimFixture.start(SimConfig.of(RouterKind.EDGEOS, dir.resolve("reinstalled")).withPort(port), dir)) {
            RouterTarget target = second.target().withIdentity(second.authorizedKey("ed25519"));
            var e = assertThrows(HostKeyChangedException.class,
                    () -> RouterSession.open(target, SimFixture.env(Map.of()), policy));
            String offered = fingerprintOf(second.router().dir().resolve("ssh_host_key"));
            Path file = second.knownHosts();
            assertEquals("router 127.0.0.1:" + port + " offered the ecdsa-sha2-nistp521 host key " + offered + ", but "
                    + file + ":3 records " + known + " for it: the router's key changed (a reset or reinstall) or"
                    + " someone is intercepting the connection. Refused, even with --trust-new-host-key. If the change"
                    + " is expected, delete line 3 of " + file + " (ssh-keygen -R '[127.0.0.1]:" + port + "' -f " + file
                    + ") and connect again.", e.getMessage());
            assertEquals(known, e.knownFingerprint());
            assertEquals(offered, e.offeredFingerprint());
            assertEquals(3, Files.readAllLines(file).size(), "nothing recorded");
            assertTrue(second.router().log().execs().isEmpty());
        }
    }

    @ParameterizedTest
    @EnumSource(value = RouterKind.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void aRouterOfferingOnlySshRsaIsRefusedUnlessItsEntryAllowsIt(RouterKind kind) throws Exception {
        try (SimFixture sim = SimFixture.start(SimConfig.of(kind, dir.resolve("sim")).withRsaHostKey(), dir)) {
            RouterTarget target = sim.target().withIdentity(sim.authorizedKey("ed25519"));
            var e = assertThrows(SshNegotiationException.class,
                    () -> RouterSession.open(target, SimFixture.env(Map.of()), HostKeyPolicy.TRUST_NEW));
            assertEquals("router 127.0.0.1:" + sim.router().port() + " signs its host key only with legacy algorithms"
                    + " (ssh-rsa); metalboot refuses ssh-rsa (SHA-1) unless told otherwise. If this router's firmware"
                    + " cannot be upgraded, set legacySshRsa: true under router: in the inventory to allow ssh-rsa for"
                    + " this router only.", e.getMessage());
            try (RouterSession s = RouterSession.open(target.withLegacySshRsa(true), SimFixture.env(Map.of()),
                    HostKeyPolicy.TRUST_NEW)) {
                assertEquals(0, s.exec("true").status());
            }
            assertTrue(Files.readString(sim.knownHosts()).contains(" ssh-rsa "), Files.readString(sim.knownHosts()));
        }
    }
}
