package io.metalboot.sim;

import io.metalboot.router.plan.RouterKind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metalboot.cli.Main;
import io.metalboot.router.edgeos.EdgeosLive;
import io.metalboot.router.edgeos.EdgeosPlanner;
import io.metalboot.router.openwrt.OpenwrtLive;
import io.metalboot.router.openwrt.OpenwrtPlanner;
import io.metalboot.router.plan.Plan;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import picocli.CommandLine;

/** `metalboot plan` against both simulated routers: host key trust, pending changes, up to date. */
class PlanCommandTest {
    record Run(int status, String out, String err) {
    }

    @TempDir
    Path dir;

    static Run metalboot(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return new Run(cli.execute(args), out.toString(), err.toString());
    }

    /** The example lab, pointed at the simulator on loopback with the test's key and known_hosts. */
    Path inventory(SimulatedRouter router) throws Exception {
        return LabDesired.inventoryFor(router, dir);
    }

    @ParameterizedTest
    @EnumSource(value = RouterKind.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void planShowsPendingChangesThenUpToDate(RouterKind kind) throws Exception {
        try (OpenSsh ssh = OpenSsh.start(kind, dir)) {
            String inv = inventory(ssh.router()).toString();

            Run unknown = metalboot("plan", "-c", inv);
            assertEquals(1, unknown.status(), unknown.err());
            assertTrue(unknown.err().contains("--trust-new-host-key"), unknown.err());

            Run pending = metalboot("plan", "-c", inv, "--trust-new-host-key");
            assertEquals(3, pending.status(), pending.err());
            assertTrue(pending.out().contains("+ static-mapping kube-master") || pending.out().contains("+ section mb_kube_master"),
                    pending.out());
            assertTrue(!pending.out().contains("printer"), "the user's entries are not part of the plan:\n" + pending.out());

            Plan plan = kind == RouterKind.EDGEOS
                    ? EdgeosPlanner.plan(EdgeosLive.parse(ssh.run(EdgeosLive.readScript()).out()), LabDesired.edgeos(LabDesired.inventory()))
                    : OpenwrtPlanner.plan(OpenwrtLive.parse(ssh.run(OpenwrtLive.readScript()).out()), LabDesired.openwrt(LabDesired.inventory()));
            assertEquals(0, ssh.run(LabDesired.applyScript(plan)).status());

            Run upToDate = metalboot("plan", "-c", inv);
            assertEquals(0, upToDate.status(), upToDate.out() + upToDate.err());
            assertTrue(upToDate.out().contains("is up to date."), upToDate.out());
        }
    }
}
