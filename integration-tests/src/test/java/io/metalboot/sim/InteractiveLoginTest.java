package io.metalboot.sim;

import io.metalboot.router.plan.RouterKind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelShell;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Password login and an interactive terminal session (pty, echo, prompts) into EdgeOS's configure
 * mode, through SSHD's own client so the test can type into the terminal.
 */
class InteractiveLoginTest {
    @TempDir
    Path dir;

    @Test
    void anOperatorConfiguresTheRouterInteractively() throws Exception {
        SimConfig config = SimConfig.of(RouterKind.EDGEOS, dir.resolve("sim")).withPassword("ubnt");
        try (SimulatedRouter router = SimulatedRouter.start(config); SshClient client = SshClient.setUpDefaultClient()) {
            client.setServerKeyVerifier((session, address, key) -> true); // the test's own router on loopback
            client.setKeyIdentityProvider(KeyIdentityProvider.EMPTY_KEYS_PROVIDER);
            client.start();
            try (ClientSession session = client.connect("ubnt", "127.0.0.1", router.port()).verify(Duration.ofSeconds(10)).getSession()) {
                session.addPasswordIdentity("ubnt");
                session.auth().verify(Duration.ofSeconds(10));
                String typed = "configure\n"
                        + "set service dhcp-server shared-network-name LAN subnet 192.168.1.0/24 static-mapping tv ip-address 192.168.1.41\n"
                        + "set service dhcp-server shared-network-name LAN subnet 192.168.1.0/24 static-mapping tv mac-address 00:00:00:00:00:41\n"
                        + "exit\ncommit\nsave\nexit\nexit\n";
                ByteArrayOutputStream screen = new ByteArrayOutputStream();
                try (ChannelShell shell = session.createShellChannel()) {
                    shell.setIn(new java.io.ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8)));
                    shell.setOut(screen);
                    shell.setErr(screen);
                    shell.open().verify(Duration.ofSeconds(10));
                    shell.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), Duration.ofSeconds(30));
                }
                String text = screen.toString(StandardCharsets.UTF_8);
                assertTrue(text.contains("ubnt@ubnt:~$ "), text);
                assertTrue(text.contains("[edit]\r\nubnt@ubnt# "), text);
                assertTrue(text.contains("Cannot exit: configuration modified."), text);
                assertTrue(router.savedConfig().contains("static-mapping tv {"), router.savedConfig());
            }
        }
    }

    @Test
    void aWrongPasswordIsRefused() throws Exception {
        SimConfig config = SimConfig.of(RouterKind.OPENWRT, dir.resolve("sim")).withPassword("secret");
        try (SimulatedRouter router = SimulatedRouter.start(config); SshClient client = SshClient.setUpDefaultClient()) {
            client.setServerKeyVerifier((session, address, key) -> true);
            client.setKeyIdentityProvider(KeyIdentityProvider.EMPTY_KEYS_PROVIDER);
            client.start();
            try (ClientSession session = client.connect("root", "127.0.0.1", router.port()).verify(Duration.ofSeconds(10)).getSession()) {
                session.addPasswordIdentity("wrong");
                assertEquals(false, session.auth().await(Duration.ofSeconds(10)) && session.isAuthenticated());
            }
        }
    }
}
