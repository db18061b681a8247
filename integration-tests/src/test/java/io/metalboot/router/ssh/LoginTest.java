package io.metalboot.router.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metalboot.sim.SimConfig;
import io.metalboot.router.plan.RouterKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Logging in to both simulated routers: key files, encrypted keys, passwords from the environment or a prompt. */
class LoginTest {
    @TempDir
    Path dir;

    record KeyLogin(RouterKind kind, String keyType) {
    }

    static Stream<KeyLogin> keyLogins() {
        return RouterKind.managedKinds().stream().flatMap(k -> Stream.of("ed25519", "ecdsa", "rsa").map(t -> new KeyLogin(k, t)));
    }

    @ParameterizedTest
    @MethodSource("keyLogins")
    void logsInWithAKeyFile(KeyLogin c) throws Exception {
        try (SimFixture sim = SimFixture.start(c.kind(), dir); RouterSession s = sim.open(sim.authorizedKey(c.keyType()))) {
            ExecResult r = s.exec("id -u -n");
            assertEquals(new ExecResult(0, sim.router().user() + "\n", ""), r);
        }
    }

    @ParameterizedTest
    @EnumSource(value = RouterKind.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void decryptsAnEncryptedKeyWithThePassphraseFromTheEnvironment(RouterKind kind) throws Exception {
        try (SimFixture sim = SimFixture.start(kind, dir)) {
            Path key = sim.authorizedKey("ed25519", "a secret phrase");
            Credentials env = SimFixture.env(Map.of(Credentials.PASSPHRASE_VARIABLE, "a secret phrase"));
            try (RouterSession s = RouterSession.open(sim.target().withIdentity(key), env, HostKeyPolicy.TRUST_NEW)) {
                assertEquals(0, s.exec("true").status());
            }
        }
    }

    @Test
    void anEncryptedKeyWithoutItsPassphraseIsRefusedBeforeConnecting() throws Exception {
        try (SimFixture sim = SimFixture.start(RouterKind.OPENWRT, dir)) {
            Path key = sim.authorizedKey("ed25519", "a secret phrase");
            var e = assertThrows(AuthenticationFailedException.class,
                    () -> RouterSession.open(sim.target().withIdentity(key), SimFixture.env(Map.of()), HostKeyPolicy.TRUST_NEW));
            assertEquals("key file " + key + " is encrypted. Set METALBOOT_KEY_PASSPHRASE to its passphrase, or add it"
                    + " to ssh-agent.", e.getMessage());
            assertTrue(sim.router().log().execs().isEmpty());
        }
    }

    @Test
    void aWrongPassphraseIsNamedButNotShown() throws Exception {
        try (SimFixture sim = SimFixture.start(RouterKind.OPENWRT, dir)) {
            Path key = sim.authorizedKey("ed25519", "a secret phrase");
            Credentials env = SimFixture.env(Map.of(Credentials.PASSPHRASE_VARIABLE, "wrong phrase"));
            var e = assertThrows(AuthenticationFailedException.class,
                    () -> RouterSession.open(sim.target().withIdentity(key), env, HostKeyPolicy.TRUST_NEW));
            assertEquals("the passphrase in METALBOOT_KEY_PASSPHRASE does not decrypt key file " + key
                    + ". Set it to this key's passphrase.", e.getMessage());
        }
    }

    @ParameterizedTest
    @EnumSource(value = RouterKind.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void logsInWithThePasswordFromTheEnvironment(RouterKind kind) throws Exception {
        try (SimFixture sim = SimFixture.start(SimConfig.of(kind, dir.resolve("sim")).withPassword(SimFixture.PASSWORD), dir)) {
            Credentials env = SimFixture.env(Map.of(Credentials.PASSWORD_VARIABLE, SimFixture.PASSWORD));
            try (RouterSession s = RouterSession.open(sim.target(), env, HostKeyPolicy.TRUST_NEW)) {
                assertEquals("hello\n", s.exec("echo hello").stdout());
            }
        }
    }

    @Test
    void asksThePromptOnlyWhenTheRouterWantsAPassword() throws Exception {
        try (SimFixture sim = SimFixture.start(SimConfig.of(RouterKind.EDGEOS, dir.resolve("sim")).withPassword(SimFixture.PASSWORD), dir)) {
            List<String> questions = new ArrayList<>();
            Credentials prompted = SimFixture.env(Map.of()).withPrompt(q -> {
                questions.add(q);
                return Optional.of(SimFixture.PASSWORD);
            });
            try (RouterSession s = RouterSession.open(sim.target(), prompted, HostKeyPolicy.TRUST_NEW)) {
                assertEquals(0, s.exec("true").status());
            }
            assertEquals(List.of("Password for ubnt@127.0.0.1:" + sim.router().port() + ": "), questions);
            questions.clear();
            Path key = sim.authorizedKey("ed25519");
            try (RouterSession s = RouterSession.open(sim.target().withIdentity(key), prompted, HostKeyPolicy.STRICT)) {
                assertEquals(0, s.exec("true").status());
            }
            assertEquals(List.of(), questions, "a key that works means no password question");
        }
    }

    @Test
    void aWrongPasswordIsRefusedWithoutShowingIt() throws Exception {
        try (SimFixture sim = SimFixture.start(SimConfig.of(RouterKind.OPENWRT, dir.resolve("sim")).withPassword(SimFixture.PASSWORD), dir)) {
            Credentials env = SimFixture.env(Map.of(Credentials.PASSWORD_VARIABLE, "hunter2-wrong"));
            var e = assertThrows(AuthenticationFailedException.class,
                    () -> RouterSession.open(sim.target(), env, HostKeyPolicy.TRUST_NEW));
            assertEquals("router 127.0.0.1:" + sim.router().port() + " refused login as root (tried: password from"
                    + " METALBOOT_ROUTER_PASSWORD). Check that the public key is in the router's authorized_keys for"
                    + " root, or that the password is right.", e.getMessage());
            for (Throwable t = e; t != null; t = t.getCause()) {
                assertFalse(String.valueOf(t.getMessage()).contains("hunter2"), t.toString());
            }
        }
    }

    @Test
    void anUnauthorizedKeyIsRefusedNamingTheKeyFile() throws Exception {
        try (SimFixture sim = SimFixture.start(RouterKind.EDGEOS, dir)) {
            Path key = sim.authorizedKey("ecdsa");
            sim.router().fs().write("/home/ubnt/.ssh/authorized_keys", "");
            var e = assertThrows(AuthenticationFailedException.class, () -> sim.open(key));
            assertEquals("router 127.0.0.1:" + sim.router().port() + " refused login as ubnt (tried: key file " + key
                    + "). Check that the public key is in the router's authorized_keys for ubnt, or that the password"
                    + " is right.", e.getMessage());
        }
    }

    @Test
    void nothingToLogInWithIsSaidBeforeConnecting() throws Exception {
        try (SimFixture sim = SimFixture.start(RouterKind.EDGEOS, dir)) {
            var e = assertThrows(AuthenticationFailedException.class,
                    () -> RouterSession.open(sim.target(), SimFixture.env(Map.of()), HostKeyPolicy.TRUST_NEW));
            assertEquals("nothing to log in to router 127.0.0.1:" + sim.router().port() + " as ubnt with: no key file"
                    + " (identity in the inventory, or ~/.ssh/id_ed25519, id_ecdsa, id_rsa), no ssh-agent (SSH_AUTH_SOCK"
                    + " is not set) and no password (METALBOOT_ROUTER_PASSWORD is not set). Provide one of them.",
                    e.getMessage());
        }
    }

    @Test
    void usesTheDefaultKeyUnderHome() throws Exception {
        try (SimFixture sim = SimFixture.start(RouterKind.OPENWRT, dir)) {
            Path key = sim.authorizedKey("ecdsa");
            Path home = dir.resolve("home");
            java.nio.file.Files.createDirectories(home.resolve(".ssh"));
            java.nio.file.Files.copy(key, home.resolve(".ssh/id_ecdsa"));
            Credentials env = SimFixture.env(Map.of("HOME", home.toString()));
            try (RouterSession s = RouterSession.open(sim.target(), env, HostKeyPolicy.TRUST_NEW)) {
                assertEquals(0, s.exec("true").status());
            }
        }
    }
}
