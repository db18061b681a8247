package io.metalboot.sim;

import io.metalboot.cli.Cli;
import io.metalboot.router.plan.RouterKind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metalboot.router.history.Revision;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A full disk under each path the apply writes (the simulator's RouterFs: writes below the path fail
 * with ENOSPC, as on a full flash partition): the router keeps its DHCP configuration, no lock is
 * left, and the message names the path and the real cause.
 */
class DiskFullTest {
    /** Where the disk is full, how the apply ends, and what its message must say. */
    record Case(RouterKind kind, String full, Revision.Outcome outcome, List<String> said) {
        @Override
        public String toString() {
            return kind + " " + full;
        }
    }

    static Stream<Case> cases() {
        String enospc = "No space left on device";
        return Stream.of(
                new Case(RouterKind.EDGEOS, "/config", Revision.Outcome.FAILED,
                        List.of("could not write metalboot's transaction files to /config/metalboot/backup/", enospc, "nothing was changed")),
                new Case(RouterKind.EDGEOS, "/config/metalboot", Revision.Outcome.FAILED,
                        List.of("/config/metalboot/backup/", enospc)),
                new Case(RouterKind.EDGEOS, "/config/scripts", Revision.Outcome.REVERTED,
                        List.of("reverted: the commit failed on the router: ", "/config/scripts/ipxe-", enospc)),
                new Case(RouterKind.EDGEOS, "/config/config.boot", Revision.Outcome.REVERTED,
                        List.of("reverted: the confirm could not save the configuration or write the state file", "/config/config.boot",
                                enospc)),
                new Case(RouterKind.EDGEOS, "/config/metalboot/state.json", Revision.Outcome.REVERTED,
                        List.of("reverted: the confirm could not save", "/config/metalboot/state.json", enospc)),
                new Case(RouterKind.OPENWRT, "/etc", Revision.Outcome.FAILED,
                        List.of("could not write metalboot's transaction files to /etc/metalboot/backup/", enospc)),
                new Case(RouterKind.OPENWRT, "/etc/config", Revision.Outcome.REVERTED,
                        List.of("reverted: the commit failed on the router: ", enospc)),
                new Case(RouterKind.OPENWRT, "/etc/metalboot/state.json", Revision.Outcome.REVERTED,
                        List.of("reverted: the confirm could not save", "/etc/metalboot/state.json", enospc)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theRouterKeepsItsConfigurationAndTheMessageNamesPathAndCause(Case c) throws Exception {
        try (SimLab lab = SimLab.start(c.kind())) {
            String active = lab.router.activeConfig();
            String saved = lab.router.savedConfig();
            lab.router.fs().diskFull(Optional.of(c.full()));

            Cli run = lab.apply();
            lab.router.fs().diskFull(Optional.empty());
            assertEquals(1, run.exitCode(), run.out() + run.err());
            for (String words : c.said()) {
                assertTrue(run.err().contains(words), "'" + words + "' in: " + run.err());
            }
            assertEquals(c.outcome(), lab.revisions().getFirst().outcome());
            assertEquals(active, lab.router.activeConfig());
            assertEquals(saved, lab.router.savedConfig());
            assertTrue(lab.router.dhcpRunning());
            assertFalse(lab.router.fs().exists(lab.kind.lockDir()), "no lock is left");
            assertEquals(3, lab.metalboot("plan").exitCode());
        }
    }
}
