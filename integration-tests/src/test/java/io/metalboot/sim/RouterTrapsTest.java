package io.metalboot.sim;

import io.metalboot.cli.Cli;
import io.metalboot.router.plan.RouterKind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metalboot.router.RequiredTool;
import io.metalboot.router.history.Revision;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * `metalboot` end to end against the traps the real routers set, where an exit status says less
 * than it seems: uci changes that are lost without an error, an EdgeOS commit that prints nothing
 * when it fails, a static mapping inside the dynamic pool, a router with no DHCP server yet.
 */
class RouterTrapsTest {
    private static final String WRAPPER = LabDesired.WRAPPER;

    /**
     * /tmp/.uci is shared and unlocked (openwrt/uci delta.c): another administrator's "Revert" in LuCI
     * ({@code uci revert dhcp}, uci_filter_delta) between metalboot's batch and its commit drops the
     * staged changes; batch, revert, commit and reload all exit 0. The read-back plan is not empty,
     * so apply reverts and names the entries that did not land.
     */
    @SimRouterTest(RouterKind.OPENWRT)
    void openwrtChangesLostBeforeTheCommitAreFoundAtVerifyAndReverted(SimLab lab) throws Exception {
        String before = lab.router.activeConfig();
        lab.router.faults().afterCommandAnotherAdminRuns("^uci batch$", "uci revert dhcp");

        Cli run = lab.apply();
        assertEquals(1, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().contains("reverted: the router does not hold the planned configuration after the commit:"), run.err());
        assertTrue(run.err().contains("mb_kube_master"), "names the entry that did not land: " + run.err());
        assertEquals(before, lab.router.activeConfig());
        assertTrue(lab.router.dhcpRunning());
        assertEquals(Revision.Outcome.REVERTED, lab.revisions().get(0).outcome());
        assertEquals(0, lab.apply().exitCode(), "nothing is left behind: the next apply goes through");
    }

    /**
     * vyatta-cfg scripts/vyatta-cfg-cmd-wrapper, {@code commit}: {@code my_commit ... >> $LOGFILE}; the
     * wrapper prints nothing and exits 1, the block ({@code [ service dhcp-server ]}, the error, {@code
     * Commit failed}) is only in /var/log/vyatta/vyatta-commit.log. apply reads the log's new lines in
     * the same round trip and reports them.
     */
    @SimRouterTest(RouterKind.EDGEOS)
    void edgeosFailedCommitNamesItsReasonFromTheCommitLog(SimLab lab) throws Exception {
        String before = lab.router.activeConfig();
        lab.router.faults().failNextCommit("Conflicting DHCP lease ranges: Start IP '192.168.1.150'\n"
                + "lies in DHCP lease range '192.168.1.100'-'192.168.1.199'.");

        Cli run = lab.apply();
        assertEquals(1, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().contains("reverted: the commit failed on the router: [ service dhcp-server ]"), run.err());
        assertTrue(run.err().contains("Conflicting DHCP lease ranges: Start IP '192.168.1.150'"), run.err());
        assertTrue(run.err().contains("Commit failed"), run.err());
        assertEquals(before, lab.router.activeConfig());
        assertTrue(lab.router.dhcpRunning());
        assertEquals(Revision.Outcome.REVERTED, lab.revisions().get(0).outcome());
    }

    /**
     * vyatta-cfg-dhcp-server dhcpd-config.pl (8bc678d, Bug 3800; split_ranges): a static mapping inside
     * the start-stop range commits, and the range is split around it. `check` warns; apply succeeds;
     * the real dhcpd accepts what the router generated.
     */
    @SimRouterTest(RouterKind.EDGEOS)
    void edgeosMappingInsideThePoolAppliesWithTheRangeSplit(SimLab lab) throws Exception {
        Files.writeString(lab.inventory, Files.readString(lab.inventory).replace("ip: 192.168.1.212", "ip: 192.168.1.150"));
        Cli check = lab.metalboot("check");
        assertEquals(0, check.exitCode(), check.out() + check.err());
        assertTrue(check.out().contains("ip '192.168.1.150' is inside the dynamic pool 192.168.1.100-192.168.1.199;"
                + " EdgeOS cuts it out of the range"), check.out());

        Cli run = lab.apply();
        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertTrue(lab.router.dhcpRunning());
        String conf = lab.router.dhcpConfig();
        assertTrue(conf.contains("\t\trange 192.168.1.100 192.168.1.149;\n\t\trange 192.168.1.151 192.168.1.199;\n"), conf);
        RequiredTool dhcpd = RequiredTool.find("dhcpd", "isc-dhcp-server");
        Path written = Files.writeString(lab.dir.resolve("dhcpd.conf"), conf);
        RequiredTool.Run test = dhcpd.run("-4", "-t", "-cf", written.toString(), "-lf",
                Files.createFile(lab.dir.resolve("dhcpd.leases")).toString(), "-pf", lab.dir.resolve("dhcpd.pid").toString());
        assertEquals(0, test.exitCode(), test.output());
        assertEquals(0, lab.metalboot("plan").exitCode());
    }

    /**
     * vyatta-cfg cli_shell_api.cpp showCfg: {@code service dhcp-server} has a template, so a router
     * without one prints "Configuration under specified path is empty"; metalboot plans the whole
     * subtree and applies it.
     */
    @SimRouterTest(RouterKind.EDGEOS)
    void edgeosWithoutAnyDhcpServerPlansAndApplies(SimLab lab) throws Exception {
        OpenSsh.Result removed = lab.ssh.run(WRAPPER + " begin; " + WRAPPER + " delete service dhcp-server; " + WRAPPER
                + " commit; " + WRAPPER + " save; " + WRAPPER + " end; cli-shell-api showCfg service dhcp-server");
        assertTrue(removed.out().endsWith("Done\nConfiguration under specified path is empty\n"), removed.out() + removed.err());
        assertEquals("Specified configuration path is not valid\n", lab.ssh.run("cli-shell-api showCfg service bogus").out());
        assertFalse(lab.router.activeConfig().contains("dhcp-server {"), lab.router.activeConfig());

        Cli plan = lab.metalboot("plan", "--trust-new-host-key");
        assertEquals(3, plan.exitCode(), plan.out() + plan.err());
        Cli run = lab.apply();
        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertTrue(lab.router.dhcpRunning());
        assertTrue(lab.router.activeConfig().contains("static-mapping kube-master"), lab.router.activeConfig());
        assertEquals(0, lab.metalboot("plan").exitCode());
    }
}
