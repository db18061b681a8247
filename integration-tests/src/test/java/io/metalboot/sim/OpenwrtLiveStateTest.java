package io.metalboot.sim;

import io.metalboot.router.plan.RouterKind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metalboot.router.openwrt.OpenwrtDesired;
import io.metalboot.router.openwrt.OpenwrtLive;
import io.metalboot.router.openwrt.OpenwrtPlanner;
import io.metalboot.router.openwrt.UciSection;
import io.metalboot.router.plan.Change;
import io.metalboot.router.plan.EntryKind;
import io.metalboot.router.plan.Plan;
import io.metalboot.router.plan.PlanConflictException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OpenWrt: the read script through the simulated router's ash over SSH, parsed and planned against the example lab. */
class OpenwrtLiveStateTest {
    @TempDir
    Path dir;
    OpenSsh ssh;

    @BeforeEach
    void start() throws Exception {
        ssh = OpenSsh.start(RouterKind.OPENWRT, dir);
    }

    @AfterEach
    void stop() {
        ssh.close();
    }

    OpenwrtLive read() throws Exception {
        OpenSsh.Result result = ssh.run(OpenwrtLive.readScript());
        assertEquals(0, result.exitCode(), result.err());
        return OpenwrtLive.parse(result.out());
    }

    @Test
    void aStockRouterReadsInOneExecAsTheFactoryLeftIt() throws Exception {
        int before = ssh.router().log().execs().size();
        OpenwrtLive live = read();
        assertEquals(1, ssh.router().log().execs().size() - before);
        assertEquals(live.committed(), live.exported(), "nothing staged");
        assertEquals(List.of(), live.stagedChanges());
        assertTrue(live.dnsmasqRunning());
        assertEquals(Optional.empty(), live.lock());
        assertTrue(live.ownership().owned(EntryKind.SECTION).isEmpty());
        assertEquals(List.of("printer", "nas", "livingroom-tv"),
                live.committed().sections("host").stream().map(s -> s.get("name").orElseThrow()).toList());
        assertEquals(Optional.of("100"), live.committed().section("lan").flatMap(s -> s.get("limit")));
    }

    @Test
    void theExampleLabIsAddedAppliedAndThenUpToDateWithTheIpxeBootSectionLast() throws Exception {
        OpenwrtDesired desired = LabDesired.openwrt(LabDesired.inventory());
        Plan plan = OpenwrtPlanner.plan(read(), desired);
        List<String> hosts = plan.changes().stream().filter(c -> c.type() == Change.Type.ADD && c.key().startsWith("mb_kube")
                || c.key().equals("mb_node00")).map(Change::key).toList();
        assertEquals(List.of("mb_kube_master", "mb_kube_worker_1", "mb_kube_worker_2", "mb_node00"), hosts);

        OpenSsh.Result apply = ssh.run(LabDesired.applyScript(plan));
        assertEquals(0, apply.exitCode(), apply.out() + apply.err());
        OpenwrtLive after = read();
        assertTrue(after.dnsmasqRunning());
        List<UciSection> sections = after.committed().sections();
        assertEquals("mb_boot_ipxe", sections.get(sections.size() - 1).name());
        assertEquals(3 + 4, after.committed().sections("host").size(), "the user's hosts stay");
        Plan again = OpenwrtPlanner.plan(after, desired);
        assertTrue(again.isEmpty(), again.diff());
    }

    @Test
    void someoneElsesStagedChangeStopsThePlanListingIt() throws Exception {
        assertEquals(0, ssh.run("uci set dhcp.lan.start=50").exitCode());
        OpenwrtLive live = read();
        assertEquals(List.of("dhcp.lan.start='50'"), live.stagedChanges());
        PlanConflictException e = assertThrows(PlanConflictException.class,
                () -> OpenwrtPlanner.plan(live, LabDesired.openwrt(LabDesired.inventory())));
        assertEquals("the router has uncommitted uci changes in dhcp that are not metalboot's: dhcp.lan.start='50'; uci would"
                + " commit them together with metalboot's: commit them ('uci commit dhcp') or revert them ('uci revert dhcp')"
                + " on the router, then plan again", e.getMessage());
    }
}
