package io.metalboot.sim.edgeos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metalboot.sim.edgeos.SimulatedEdgeRouter.Run;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Configure mode driven through stdin, transcripts word for word (no terminal echo of the input). */
class ConfigureModeTest {
    private static final String MAPPING = "set service dhcp-server shared-network-name LAN subnet 192.168.1.0/24"
            + " static-mapping kube-master";
    private static final String PROMPT = "[edit]\nubnt@ubnt# ";
    private static final int LOGIN_SHELL = 900;

    @TempDir
    Path root;
    SimulatedEdgeRouter sim;

    @BeforeEach
    void boot() throws IOException {
        sim = new SimulatedEdgeRouter(root);
    }

    private Run configure(String input) {
        return sim.runWithInput(LOGIN_SHELL, input, Map.of(), ConfigureMode.NAME);
    }

    @Test
    void exitIsRefusedUntilTheChangesAreCommitted() {
        Run run = configure(MAPPING + " ip-address 192.168.1.201\n"
                + MAPPING + " mac-address 00:00:00:00:00:01\n"
                + "set service dhcp-server bogus 1\n"
                + "compare\n"
                + "exit\n"
                + "commit\n"
                + "save\n"
                + "exit\n");
        assertEquals(new Run(0, PROMPT + PROMPT + PROMPT + """
                
                  Configuration path: [service dhcp-server bogus 1] is not valid
                  Set failed
                
                """ + PROMPT + """
                [edit service dhcp-server shared-network-name LAN subnet 192.168.1.0/24]
                +static-mapping kube-master {
                +    ip-address 192.168.1.201
                +    mac-address 00:00:00:00:00:01
                +}
                """ + PROMPT + """
                Cannot exit: configuration modified.
                Use 'exit discard' to discard the changes and exit.
                """ + PROMPT + """
                [ service dhcp-server ]
                Stopping DHCP server daemon...
                Starting DHCP server daemon...
                
                """ + PROMPT + """
                Saving configuration to '/config/config.boot'...
                Done
                """ + PROMPT + "exit\n", ""), run);
        assertTrue(sim.router.active().exists("service", "dhcp-server", "shared-network-name", "LAN", "subnet",
                "192.168.1.0/24", "static-mapping", "kube-master"));
        assertFalse(sim.router.working(LOGIN_SHELL).isPresent(), "exit tears the session down");
    }

    @Test
    void exitDiscardDropsTheChangesAndWarnsAboutUnsavedCommits() {
        Run run = configure("set service dhcp-server shared-network-name LAN subnet 192.168.1.0/24 lease 3600\n"
                + "commit\n"
                + "set service dhcp-server shared-network-name LAN subnet 192.168.1.0/24 lease 600\n"
                + "commit-foo\n"
                + "exit discard\n");
        assertTrue(run.out().endsWith(PROMPT + "\n  Invalid command: [commit-foo]\n\n" + PROMPT
                + "Warning: configuration changes have not been saved.\nexit\n"), run.out());
        assertEquals("3600", sim.router.active().value("service", "dhcp-server", "shared-network-name", "LAN", "subnet",
                "192.168.1.0/24", "lease").orElseThrow());
    }

    @Test
    void theLoginShellsWrapperCallsShareTheSession() {
        sim.wrapper(LOGIN_SHELL, "begin");
        sim.wrapper(LOGIN_SHELL, "set", "service", "dhcp-server", "shared-network-name", "LAN", "subnet",
                "192.168.1.0/24", "lease", "3600");
        Run run = configure("compare\ndiscard\ncompare\ncommit\n");
        assertEquals(new Run(0, PROMPT + """
                [edit service dhcp-server shared-network-name LAN subnet 192.168.1.0/24]
                >lease 3600
                """ + PROMPT + "Changes have been discarded\n" + PROMPT
                + "No changes between working and active configurations\n" + PROMPT
                + "No configuration changes to commit\n" + PROMPT + "\n", ""), run);
        assertFalse(sim.router.working(LOGIN_SHELL).isPresent(), "end of input ends the session");
    }

    @Test
    void loadAndCommitConfirmAskTheTerminal() throws IOException {
        sim.fs.write("/config/snapshot.boot", EdgeosImage.factoryConfig()
                .applyAll(List.of("set service dhcp-server shared-network-name LAN subnet 192.168.1.0/24 lease 7200"))
                .toBoot());
        Run run = configure("load snapshot.boot\ncommit-confirm 3\ny\nconfirm\nexit\n");
        assertEquals(new Run(0, PROMPT + """
                Loading configuration from '/config/snapshot.boot'...
                
                Load complete.  Use 'commit' to make changes active.
                """ + PROMPT + """
                commit confirm will be automatically reboot in 3 minutes unless confirmed
                Proceed? [confirm]
                [ service dhcp-server ]
                Stopping DHCP server daemon...
                Starting DHCP server daemon...
                
                """ + PROMPT + PROMPT + "Warning: configuration changes have not been saved.\nexit\n", ""), run);
        assertFalse(sim.router.commitConfirmPending());
        assertEquals("7200", sim.router.active().value("service", "dhcp-server", "shared-network-name", "LAN", "subnet",
                "192.168.1.0/24", "lease").orElseThrow());
    }
}
