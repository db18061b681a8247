package io.metalboot.sim.edgeos;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.metalboot.sim.edgeos.SimulatedEdgeRouter.Run;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** cli-shell-api's answers inside and outside a session (shell 42 has lease 3600 staged). */
class CliShellApiTest {
    private static final int SHELL = 42;
    private static final String SUBNET = WrapperSessionTest.SUBNET;
    private static final Map<String, String> IN_SESSION = Map.of("VYATTA_TEMP_CONFIG_DIR",
            "/opt/vyatta/config/tmp/new_config_" + SHELL);

    record Case(String name, boolean inSession, String args, Run expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("list the shared networks", false, "listActiveNodes service dhcp-server shared-network-name",
                        new Run(0, "'LAN'", "")),
                new Case("list the user's mappings", false, "listActiveNodes " + SUBNET + " static-mapping",
                        new Run(0, "'nas' 'printer'", "")),
                new Case("list a missing node", false, "listActiveNodes service dns", new Run(0, "", "")),
                new Case("active value", false, "returnActiveValue " + SUBNET + " lease", new Run(0, "86400", "")),
                new Case("active value of a multi node", false, "returnActiveValue " + SUBNET + " dns-server",
                        new Run(1, "", "")),
                new Case("active values", false, "returnActiveValues " + SUBNET + " dns-server",
                        new Run(0, "'192.168.1.1'", "")),
                new Case("missing active value", false, "returnActiveValue " + SUBNET + " domain-name", new Run(1, "", "")),
                new Case("exists active", false, "existsActive " + SUBNET + " static-mapping printer", new Run(0, "", "")),
                new Case("does not exist", false, "existsActive " + SUBNET + " static-mapping kube-master", new Run(1, "", "")),
                new Case("working value outside a session", false, "returnValue " + SUBNET + " lease", new Run(1, "", "")),
                new Case("not in a session", false, "inSession", new Run(1, "", "")),
                new Case("working value in the session", true, "returnValue " + SUBNET + " lease", new Run(0, "3600", "")),
                new Case("active value in the session", true, "returnActiveValue " + SUBNET + " lease", new Run(0, "86400", "")),
                new Case("in the session", true, "inSession", new Run(0, "", "")),
                new Case("session changed", true, "sessionChanged", new Run(0, "", "")),
                new Case("working node exists", true, "exists " + SUBNET + " lease", new Run(0, "", "")),
                new Case("in-session showCfg marks changes", true, "showCfg " + SUBNET + " lease", new Run(0, ">lease 3600\n", "")),
                new Case("active-only showCfg", true, "--show-active-only showCfg " + SUBNET + " lease",
                        new Run(0, "lease 86400\n", "")),
                new Case("session environment", false, "getSessionEnv 42", new Run(0, CliShellApi.sessionEnv("42"), "")),
                new Case("missing path", false, "existsActive", new Run(1, "", "Must specify config path\n")),
                new Case("no operation", false, "", new Run(1, "", "Must specify operation\n")),
                new Case("unknown operation", false, "frobnicate", new Run(1, "", "Invalid operation\n")));
    }

    @TempDir
    Path root;

    @ParameterizedTest
    @MethodSource("cases")
    void answers(Case example) throws IOException {
        SimulatedEdgeRouter sim = new SimulatedEdgeRouter(root);
        sim.wrapper(SHELL, "begin");
        sim.set(SHELL, SUBNET + " lease 3600");
        List<String> args = new ArrayList<>(List.of(SimulatedEdgeRouter.API));
        if (!example.args().isEmpty()) {
            args.addAll(List.of(example.args().split(" ")));
        }
        Run run = sim.runWithInput(SHELL, "", example.inSession() ? IN_SESSION : Map.of(), args.toArray(String[]::new));
        assertEquals(example.expected(), run);
        assertEquals(" umask 002; { declare -x -r VYATTA_ACTIVE_CONFIGURATION_DIR=/opt/vyatta/config/active"
                + " declare -x -r VYATTA_CHANGES_ONLY_DIR=/opt/vyatta/config/tmp/changes_only_42;"
                + " declare -x -r VYATTA_TEMP_CONFIG_DIR=/opt/vyatta/config/tmp/new_config_42;"
                + " declare -x -r VYATTA_CONFIG_TMP=/opt/vyatta/config/tmp/tmp_42;"
                + " declare -x -r VYATTA_CONFIG_TEMPLATE=/opt/vyatta/share/vyatta-cfg/templates; } >&/dev/null || true",
                CliShellApi.sessionEnv("42"));
    }
}
