package io.metalboot.sim;

import io.metalboot.router.plan.RouterKind;
import static io.metalboot.sim.ApplyCommandTest.apply;
import static io.metalboot.sim.ApplyCommandTest.revisions;
import static io.metalboot.sim.PlanCommandTest.metalboot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metalboot.router.RequiredTool;
import io.metalboot.router.history.Revision;
import io.metalboot.sim.PlanCommandTest.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `metalboot` end to end against the traps the real routers set, where an exit status says less
 * than it seems: uci changes that are lost without an error, an EdgeOS commit that prints nothing
 * when it fails, a static mapping inside the dynamic pool, a router with no DHCP server yet.
 */
class RouterTrapsTest {
    private static final String WRAPPER = LabDesired.WRAPPER;

    @TempDir
    Path dir;

    /**
     * /tmp/.uci is shared and unlocked (openwrt/uci delta.c): another administrator's "Revert" in LuCI
     * ({@code uci revert dhcp}, uci_filter_delta) between metalboot's batch and its commit drops the
     * staged changes; batch, revert, commit and reload all exit 0. The read-back plan is not empty,
     * so apply reverts and names the entries that did not land.
     */
    @Test
    void openwrtChangesLostBeforeTheCommitAreFoundAtVerifyAndReverted() throws Exception {
        try (OpenSsh ssh = OpenSsh.start(RouterKind.OPENWRT, dir)) {
            SimulatedRouter router = ssh.router();
            Path inv = LabDesired.inventoryFor(router, dir);
            String before = router.activeConfig();
            router.faults().afterCommandAnotherAdminRuns("^uci batch$", "uci revert dhcp");

            Run run = apply(inv);
            assertEquals(1, run.status(), run.out() + run.err());
            assertTrue(run.err().contains("reverted: the router does not hold the planned configuration after the commit:"), run.err());
            assertTrue(run.err().contains("mb_kube_master"), "names the entry that did not land: " + run.err());
            assertEquals(before, router.activeConfig());
            assertTrue(router.dhcpRunning());
            assertEquals(Revision.Outcome.REVERTED, revisions(inv).get(0).outcome());
            assertEquals(0, apply(inv).status(), "nothing is left behind: the next apply goes through");
        }
    }

    /**
     * vyatta-cfg scripts/vyatta-cfg-cmd-wrapper, {@code commit}: {@code my_commit ... >> $LOGFILE}; the
     * wrapper prints nothing and exits 1, the block ({@code [ service dhcp-server ]}, the error, {@code
     * Commit failed}) is only in /var/log/vyatta/vyatta-commit.log. apply reads the log's new lines in
     * the same round trip and reports them.
     */
    @Test
    void edgeosFailedCommitNamesItsReasonFromTheCommitLog() throws Exception {
        try (OpenSsh ssh = OpenSsh.start(RouterKind.EDGEOS, dir)) {
            SimulatedRouter router = ssh.router();
            Path inv = LabDesired.inventoryFor(router, dir);
            String before = router.activeConfig();
            router.faults().failNextCommit("Conflicting DHCP lease ranges: Start IP '192.168.1.150'\n"
                    + "lies in DHCP lease range '192.168.1.100'-'192.168.1.199'.");

            Run run = apply(inv);
            assertEquals(1, run.status(), run.out() + run.err());
            assertTrue(run.err().contains("reverted: the commit failed on the router: [ service dhcp-server ]"), run.err());
            assertTrue(run.err().contains("Conflicting DHCP lease ranges: Start IP '192.168.1.150'"), run.err());
            assertTrue(run.err().contains("Commit failed"), run.err());
            assertEquals(before, router.activeConfig());
            assertTrue(router.dhcpRunning());
            assertEquals(Revision.Outcome.REVERTED, revisions(inv).get(0).outcome());
        }
    }

    /**
     * vyatta-cfg-dhcp-server dhcpd-config.pl (8bc678d, Bug 3800; split_ranges): a static mapping inside
     * the start-stop range commits, and the range is split around it. `check` warns; apply succeeds;
     * the real dhcpd accepts what the router generated.
     */
    @Test
    void edgeosMappingInsideThePoolAppliesWithTheRangeSplit() throws Exception {
        try (OpenSsh ssh = OpenSsh.start(RouterKind.EDGEOS, dir)) {
            SimulatedRouter router = ssh.router();
            Path inv = LabDesired.inventoryFor(router, dir);
            Files.writeString(inv, Files.readString(inv).replace("ip: 192.168.1.212", "ip: 192.168.1.150"));
            Run check = metalboot("check", "-c", inv.toString());
            assertEquals(0, check.status(), check.out() + check.err());
            assertTrue(check.out().contains("ip '192.168.1.150' is inside the dynamic pool 192.168.1.100-192.168.1.199;"
                    + " EdgeOS cuts it out of the range"), check.out());

            Run run = apply(inv);
            assertEquals(0, run.status(), run.out() + run.err());
            assertTrue(router.dhcpRunning());
            String conf = router.dhcpConfig();
            assertTrue(conf.contains("\t\trange 192.168.1.100 192.168.1.149;\n\t\trange 192.168.1.151 192.168.1.199;\n"), conf);
            RequiredTool dhcpd = RequiredTool.find("dhcpd", "isc-dhcp-server");
            Path written = Files.writeString(dir.resolve("dhcpd.conf"), conf);
            RequiredTool.Run test = dhcpd.run("-4", "-t", "-cf", written.toString(), "-lf",
                    Files.createFile(dir.resolve("dhcpd.leases")).toString(), "-pf", dir.resolve("dhcpd.pid").toString());
            assertEquals(0, test.exitCode(), test.output());
            assertEquals(0, metalboot("plan", "-c", inv.toString()).status());
        }
    }

    /**
     * vyatta-cfg cli_shell_api.cpp showCfg: {@code service dhcp-server} has a template, so a router
     * without one prints "Configuration under specified path is empty"; metalboot plans the whole
     * subtree and applies it.
     */
    @Test
    void edgeosWithoutAnyDhcpServerPlansAndApplies() throws Exception {
        try (OpenSsh ssh = OpenSsh.start(RouterKind.EDGEOS, dir)) {
            SimulatedRouter router = ssh.router();
            OpenSsh.Result removed = ssh.run(WRAPPER + " begin; " + WRAPPER + " delete service dhcp-server; " + WRAPPER
                    + " commit; " + WRAPPER + " save; " + WRAPPER + " end; cli-shell-api showCfg service dhcp-server");
            assertTrue(removed.out().endsWith("Done\nConfiguration under specified path is empty\n"), removed.out() + removed.err());
            assertEquals("Specified configuration path is not valid\n", ssh.run("cli-shell-api showCfg service bogus").out());
            assertFalse(router.activeConfig().contains("dhcp-server {"), router.activeConfig());
            Path inv = LabDesired.inventoryFor(router, dir);

            Run plan = metalboot("plan", "-c", inv.toString(), "--trust-new-host-key");
            assertEquals(3, plan.status(), plan.out() + plan.err());
            Run run = apply(inv);
            assertEquals(0, run.status(), run.out() + run.err());
            assertTrue(router.dhcpRunning());
            assertTrue(router.activeConfig().contains("static-mapping kube-master"), router.activeConfig());
            assertEquals(0, metalboot("plan", "-c", inv.toString()).status());
        }
    }
}
