package io.metalboot.sim.edgeos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metalboot.router.RequiredTool;
import io.metalboot.router.edgeos.ConfigTree;
import io.metalboot.sim.edgeos.SimulatedEdgeRouter.Run;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The script metalboot runs over one SSH exec channel: begin, set, commit, save, end. */
class WrapperSessionTest {
    static final String SUBNET = "service dhcp-server shared-network-name LAN subnet 192.168.1.0/24";
    static final List<List<String>> SEED = List.of(
            List.of("kube-master", "192.168.1.201", "00:00:00:00:00:01"),
            List.of("kube-worker-1", "192.168.1.211", "00:00:00:00:00:11"),
            List.of("kube-worker-2", "192.168.1.212", "00:00:00:00:00:12"),
            List.of("node00", "192.168.1.250", "00:00:00:00:00:00"));
    private static final int SHELL = 4242;

    @TempDir
    Path root;
    SimulatedEdgeRouter sim;

    @BeforeEach
    void boot() throws IOException {
        sim = new SimulatedEdgeRouter(root);
    }

    static void stageSeed(SimulatedEdgeRouter sim, int shell) {
        for (List<String> mapping : SEED) {
            assertEquals(new Run(0, "", ""), sim.set(shell, SUBNET + " static-mapping " + mapping.get(0) + " ip-address " + mapping.get(1)));
            assertEquals(new Run(0, "", ""), sim.set(shell, SUBNET + " static-mapping " + mapping.get(0) + " mac-address " + mapping.get(2)));
        }
    }

    @Test
    void seedMappingsGoLiveAndSurviveInConfigBoot() throws IOException {
        int dhcpdBefore = sim.router.dhcpdPid().orElseThrow();
        assertEquals(new Run(0, "", ""), sim.wrapper(SHELL, "begin"));
        stageSeed(sim, SHELL);
        assertEquals(new Run(0, "", ""), sim.wrapper(SHELL, "commit"));
        assertEquals(new Run(0, "Saving configuration to '/config/config.boot'...\nDone\n", ""), sim.wrapper(SHELL, "save"));
        assertEquals(new Run(0, "", ""), sim.wrapper(SHELL, "end"));

        Run shown = sim.run(1, SimulatedEdgeRouter.API, "showCfg", "service", "dhcp-server");
        assertEquals(0, shown.exit());
        assertTrue(shown.out().contains("""
                        static-mapping kube-master {
                            ip-address 192.168.1.201
                            mac-address 00:00:00:00:00:01
                        }
                """), shown.out());
        assertTrue(shown.out().startsWith("disabled false\n"), shown.out());
        ConfigTree saved = ConfigTree.parseBoot(sim.read(EdgeosRouter.CONFIG_BOOT));
        for (List<String> mapping : SEED) {
            assertEquals(mapping.get(2), saved.value((SUBNET + " static-mapping " + mapping.get(0) + " mac-address").split(" ")).orElseThrow());
        }
        for (List<String> mapping : EdgeosImage.USER_MAPPINGS) {
            assertEquals(mapping.get(1), saved.value((SUBNET + " static-mapping " + mapping.get(0) + " ip-address").split(" ")).orElseThrow());
        }
        assertTrue(sim.read(EdgeosRouter.CONFIG_BOOT).endsWith(String.join("\n", EdgeosImage.VERSION_TRAILER) + "\n"));
        assertTrue(sim.read("/var/log/vyatta/vyatta-commit.log").contains("""
                [ service dhcp-server ]
                Stopping DHCP server daemon...
                Starting DHCP server daemon...
                """));

        String conf = sim.read(DhcpDaemon.CONF);
        assertTrue(conf.contains("\thost kube-worker-2 {\n\t\tfixed-address 192.168.1.212;\n\t\thardware ethernet 00:00:00:00:00:12;\n\t}\n"), conf);
        assertTrue(sim.router.dhcpdRunning());
        assertEquals(List.of(sim.router.dhcpdPid().orElseThrow()), sim.processes.pidof("dhcpd"));
        assertTrue(dhcpdBefore != sim.router.dhcpdPid().orElseThrow(), "dhcpd was restarted");

        RequiredTool dhcpd = RequiredTool.find("dhcpd", "isc-dhcp-server");
        RequiredTool.Run check = dhcpd.run("-4", "-t", "-cf", sim.fs.resolve(DhcpDaemon.CONF).toString(),
                "-lf", sim.fs.resolve(DhcpDaemon.LEASES).toString(), "-pf", sim.fs.resolve("/tmp/test.pid").toString());
        assertEquals(0, check.exitCode(), check.output());
    }

    @Test
    void aSecondShellSeesNoneOfTheFirstShellsStagedChanges() throws IOException {
        sim.wrapper(SHELL, "begin");
        sim.set(SHELL, SUBNET + " static-mapping kube-master ip-address 192.168.1.201");
        sim.wrapper(SHELL + 1, "begin");
        assertEquals("No changes between working and active configurations\n", sim.wrapper(SHELL + 1, "compare").out());
        assertFalse(sim.router.working(SHELL + 1).orElseThrow().exists((SUBNET + " static-mapping kube-master").split(" ")));
        assertTrue(sim.router.working(SHELL).orElseThrow().exists((SUBNET + " static-mapping kube-master").split(" ")));
        assertEquals(new Run(0, "", ""), sim.wrapper(SHELL + 1, "commit"));
        assertTrue(sim.read("/var/log/vyatta/vyatta-commit.log").endsWith("No configuration changes to commit\n"));
        assertFalse(sim.router.active().exists((SUBNET + " static-mapping kube-master").split(" ")));

        sim.router.sessionEnded(SHELL); // the SSH channel closed before commit
        assertEquals(new Run(0, "", ""), sim.wrapper(SHELL, "commit"));
        assertFalse(sim.router.active().exists((SUBNET + " static-mapping kube-master").split(" ")));
        assertEquals(new Run(1, "", "calling validateSetPath() without config session\n"),
                sim.set(SHELL, SUBNET + " static-mapping kube-master ip-address 192.168.1.201"));
    }

    @Test
    void anotherSessionsCommitShowsThroughWhereThisOneChangedNothing() {
        sim.wrapper(1, "begin");
        sim.wrapper(2, "begin");
        sim.set(1, SUBNET + " static-mapping a ip-address 192.168.1.201");
        sim.set(1, SUBNET + " static-mapping a mac-address 00:00:00:00:00:0a");
        sim.set(2, SUBNET + " lease 3600");
        assertEquals(0, sim.wrapper(2, "commit").exit());
        ConfigTree working = sim.router.working(1).orElseThrow();
        assertEquals("3600", working.value((SUBNET + " lease").split(" ")).orElseThrow());
        assertTrue(working.exists((SUBNET + " static-mapping a").split(" ")));
        assertEquals("""
                [edit service dhcp-server shared-network-name LAN subnet 192.168.1.0/24]
                +static-mapping a {
                +    ip-address 192.168.1.201
                +    mac-address 00:00:00:00:00:0a
                +}
                """, sim.wrapper(1, "compare").out());
    }

    @Test
    void showInsideASessionMarksEveryLineAndIgnoresItsArguments() {
        sim.wrapper(SHELL, "begin");
        sim.set(SHELL, SUBNET + " lease 3600");
        String shown = sim.wrapper(SHELL, "show", "service", "dhcp-server").out();
        assertTrue(shown.startsWith(" firewall {\n"), shown);
        assertTrue(shown.contains("\n>                lease 3600\n"), shown);
        String api = sim.run(SHELL, SimulatedEdgeRouter.API, "showCfg", "service", "dhcp-server", "shared-network-name").out();
        assertTrue(api.contains("\n        lease 86400\n"), "a plain cli-shell-api is outside the session: " + api);
    }
}
