package io.metalboot.sim.edgeos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metalboot.sim.edgeos.SimulatedEdgeRouter.Run;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the wrapper prints and returns for the mistakes a script makes, word for word. A commit
 * through the wrapper prints nothing, failed or not: vyatta-cfg scripts/vyatta-cfg-cmd-wrapper,
 * case {@code commit}, runs {@code my_commit ... >> $LOGFILE} (/var/log/vyatta/vyatta-commit.log),
 * so a failed commit is exit status 1 and its block is only in that log.
 */
class WrapperMessagesTest {
    private static final String SUBNET = WrapperSessionTest.SUBNET;
    private static final String ABORTED = "DHCP server configuration commit aborted due to error(s).";
    private static final int SHELL = 777;

    /** Commands staged (each must succeed), then the one under test and what it must produce. */
    record Case(String name, List<String> staged, List<String> command, Run expected, String logged) {
        Case(String name, List<String> staged, List<String> command, Run expected) {
            this(name, staged, command, expected, "");
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("invalid path", List.of(), words("set service dhcp-server bogus 1"),
                        new Run(1, "Configuration path: [service dhcp-server bogus 1] is not valid\nSet failed\n", "")),
                new Case("value that already exists", List.of(), words("set " + SUBNET + " lease 86400"),
                        new Run(0, "Configuration path: [" + SUBNET + " lease 86400] already exists\n", "")),
                new Case("delete of a missing node", List.of(), words("delete " + SUBNET + " static-mapping ghost"),
                        new Run(0, "Nothing to delete (the specified node does not exist)\n", "")),
                new Case("commit with nothing staged", List.of(), words("commit"), new Run(0, "", "")),
                new Case("static mapping without a MAC", List.of("set " + SUBNET + " static-mapping m ip-address 192.168.1.201"),
                        words("commit"), new Run(1, "", ""), failed("No static DHCP lease mac address specified for static mapping 'm'",
                                "under shared network name 'LAN'.")),
                // vyatta-cfg-dhcp-server dhcpd-config.pl since 8bc678d (Bug 3800): allowed, the range is split around it
                new Case("static mapping inside the pool", List.of(
                        "set " + SUBNET + " static-mapping m ip-address 192.168.1.150",
                        "set " + SUBNET + " static-mapping m mac-address 00:00:00:00:00:01"),
                        words("commit"), new Run(0, "", "")),
                new Case("overlapping ranges", List.of("set " + SUBNET + " start 192.168.1.150 stop 192.168.1.240"),
                        words("commit"), new Run(1, "", ""), failed("Conflicting DHCP lease ranges: Stop IP '192.168.1.199' ",
                                "lies in DHCP lease range '192.168.1.150'-'192.168.1.240'.",
                                "Conflicting DHCP lease ranges: Start IP '192.168.1.150'",
                                "lies in DHCP lease range '192.168.1.100'-'192.168.1.199'.")),
                new Case("subnet on no interface", List.of(
                        "delete interfaces ethernet eth1 address 192.168.1.1/24",
                        "set interfaces ethernet eth1 address 10.1.1.1/24",
                        "set " + SUBNET + " lease 3600"),
                        words("commit"), new Run(1, "", ""), failed("DHCP server error: None of the DHCP lease subnets are inside any of the subnets",
                                "configured on broadcast interfaces. At least one DHCP lease subnet must be set",
                                "such that DHCP server listens on a minimum of one broadcast interface")),
                new Case("unknown wrapper command", List.of(), List.of("rollback", "1"),
                        new Run(1, "Invalid command \"rollback\" for vyatta-cfg-cmd-wrapper\n", "")),
                new Case("discard without changes", List.of(), List.of("discard"), new Run(0, "No changes have been discarded\n", "")),
                new Case("discard with changes", List.of("set " + SUBNET + " lease 3600"), List.of("discard"),
                        new Run(0, "Changes have been discarded\n", "")));
    }

    /** The block a failed commit writes to the commit log. */
    private static String failed(String... errors) {
        StringBuilder block = new StringBuilder("[ service dhcp-server ]\n");
        for (String line : errors) {
            block.append(line).append('\n');
        }
        return block.append(ABORTED).append("\n\nCommit failed\n").toString();
    }

    private static List<String> words(String line) {
        return List.of(line.split(" "));
    }

    @TempDir
    Path root;

    @ParameterizedTest
    @MethodSource("cases")
    void wrapperAnswers(Case example) throws IOException {
        SimulatedEdgeRouter sim = new SimulatedEdgeRouter(root);
        sim.wrapper(SHELL, "begin");
        for (String line : example.staged()) {
            assertEquals(new Run(0, "", ""), sim.wrapper(SHELL, line.split(" ")), line);
        }
        String activeBefore = sim.router.active().subtree("service", "dhcp-server").toBoot();
        Run run = sim.wrapper(SHELL, example.command().toArray(String[]::new));
        assertEquals(example.expected(), run);
        if (example.command().equals(List.of("commit")) && run.exit() != 0) {
            assertTrue(sim.read(Syslog.COMMIT_LOG).endsWith(example.logged()), "the commit log has the details:\n"
                    + sim.read(Syslog.COMMIT_LOG));
            assertEquals(activeBefore, sim.router.active().subtree("service", "dhcp-server").toBoot(),
                    "the failed subtree stays as it was");
        }
    }
}
