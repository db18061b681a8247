package io.metalboot.sim.cli;

import io.metalboot.router.plan.RouterKind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metalboot.sim.SimConfig;
import io.metalboot.sim.SimulatedRouter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Faults armed from the simulator's console, as `metalboot sim` users type them. */
class ConsoleTest {
    @TempDir
    Path dir;

    @Test
    void faultsAndInspectionFromTheConsole() throws Exception {
        try (SimulatedRouter router = SimulatedRouter.start(SimConfig.of(RouterKind.EDGEOS, dir))) {
            StringWriter out = new StringWriter();
            Console console = new Console(router, new PrintWriter(out, true));
            console.execute("fault lock someone-else");
            assertEquals(Optional.of("someone-else"), router.faults().lockHolder());
            console.execute("fault lock off");
            assertEquals(Optional.empty(), router.faults().lockHolder());
            console.execute("fault fail-commit disk on fire");
            assertEquals(Optional.of("disk on fire"), router.faults().takeCommitFailure());
            console.execute("fault daemon-dies");
            assertTrue(router.faults().takeDaemonDeath());
            console.execute("fault bogus");
            console.execute("saved");
            console.execute("reboot");
            String text = out.toString();
            assertTrue(text.contains("armed: fault lock someone-else"), text);
            assertTrue(text.contains("unknown fault 'bogus'; type 'help'"), text);
            assertTrue(text.contains("service {"), text);
            assertTrue(text.contains("rebooted; DHCP daemon running"), text);
            assertFalse(text.contains("console:"), text);
        }
    }
}
