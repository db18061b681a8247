package io.metalboot.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metalboot.cli.Cli;
import io.metalboot.inventory.InventoryLoader;
import io.metalboot.router.change.Dialects;
import io.metalboot.router.dialect.RouterDialect;
import io.metalboot.router.plan.Plan;

/** `metalboot plan` against both simulated routers: host key trust, pending changes, up to date. */
class PlanCommandTest {
    @SimRouterTest
    void planShowsPendingChangesThenUpToDate(SimLab lab) throws Exception {
        Cli unknown = lab.metalboot("plan");
        assertEquals(1, unknown.exitCode(), unknown.err());
        assertTrue(unknown.err().contains("--trust-new-host-key"), unknown.err());

        Cli pending = lab.metalboot("plan", "--trust-new-host-key");
        assertEquals(3, pending.exitCode(), pending.err());
        assertTrue(pending.out().contains("+ static-mapping kube-master") || pending.out().contains("+ section mb_kube_master"),
                pending.out());
        assertTrue(!pending.out().contains("printer"), "the user's entries are not part of the plan:\n" + pending.out());

        RouterDialect dialect = Dialects.of(lab.kind);
        String live = lab.ssh.run(dialect.readScript(dialect.includeFiles())).out();
        Plan plan = dialect.plan(dialect.parse(live), LabDesired.desired(InventoryLoader.load(lab.inventory)));
        assertEquals(0, lab.ssh.run(LabDesired.applyScript(plan)).exitCode());

        Cli upToDate = lab.metalboot("plan");
        assertEquals(0, upToDate.exitCode(), upToDate.out() + upToDate.err());
        assertTrue(upToDate.out().contains("is up to date."), upToDate.out());
    }
}
