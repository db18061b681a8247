package io.metalboot.sim;

import io.metalboot.router.plan.RouterKind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metalboot.inventory.Inventory;
import io.metalboot.router.edgeos.EdgeosDesired;
import io.metalboot.router.edgeos.EdgeosLive;
import io.metalboot.router.edgeos.EdgeosPlanner;
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

/** EdgeOS: the read script through the simulated EdgeRouter's vbash over SSH, parsed and planned against the example lab. */
class EdgeosLiveStateTest {
    static final String LAN = "service dhcp-server shared-network-name LAN subnet 192.168.1.0/24";

    @TempDir
    Path dir;
    OpenSsh ssh;

    @BeforeEach
    void start() throws Exception {
        ssh = OpenSsh.start(RouterKind.EDGEOS, dir);
    }

    @AfterEach
    void stop() {
        ssh.close();
    }

    EdgeosLive read() throws Exception {
        OpenSsh.Result result = ssh.run(EdgeosLive.readScript());
        assertEquals(0, result.exitCode(), result.err());
        return EdgeosLive.parse(result.out());
    }

    @Test
    void aStockRouterReadsInOneExecAsTheFactoryLeftIt() throws Exception {
        int execs = ssh.router().log().entries().size();
        EdgeosLive live = read();
        assertEquals(Optional.empty(), live.files().get("/config/scripts/ipxe-green.conf"), "absent, not empty");
        assertTrue(live.ownership().owned(EntryKind.STATIC_MAPPING).isEmpty());
        assertTrue(live.dhcpdRunning());
        assertEquals(Optional.empty(), live.lock());
        assertEquals(List.of("nas", "printer"), live.active().children(
                "service", "dhcp-server", "shared-network-name", "LAN", "subnet", "192.168.1.0/24", "static-mapping"));
        assertEquals(List.of("192.168.1.1/24"), live.active().values("interfaces", "ethernet", "eth1", "address"));
        assertTrue(live.configBoot().orElseThrow().contains("static-mapping printer {"));
        assertEquals(1, ssh.router().log().entries().stream().skip(execs).filter(e -> e.kind().equals("exec")).count());
    }

    @Test
    void theExampleLabIsPlannedInsideLanAppliedAndThenUpToDate() throws Exception {
        Inventory inv = LabDesired.inventory();
        EdgeosDesired desired = LabDesired.edgeos(inv);
        Plan plan = EdgeosPlanner.plan(read(), desired);
        List<String> added = plan.changes().stream().filter(c -> c.type() == Change.Type.ADD && c.entry() == EntryKind.STATIC_MAPPING)
                .map(Change::key).toList();
        assertEquals(List.of("kube-master", "kube-worker-1", "kube-worker-2", "node00"), added);
        assertEquals(4, plan.changes().stream().filter(c -> c.entry() == EntryKind.GLOBAL_PARAMETER).count());
        assertEquals(2, plan.uploads().size());
        assertTrue(plan.commands().stream().allMatch(c -> !c.contains("printer") && !c.contains("nas ")), plan.commands().toString());
        assertTrue(plan.commands().stream().noneMatch(c -> c.contains("dhcp1")), "never a second shared network");

        OpenSsh.Result apply = ssh.run(LabDesired.applyScript(plan));
        assertEquals(0, apply.exitCode(), apply.out() + apply.err());
        EdgeosLive after = read();
        assertTrue(after.dhcpdRunning());
        assertTrue(after.configBoot().orElseThrow().contains("static-mapping printer {"));
        assertTrue(after.configBoot().orElseThrow().contains("static-mapping kube-master {"));
        Plan again = EdgeosPlanner.plan(after, desired);
        assertTrue(again.isEmpty(), again.diff());
        assertEquals("# the router serves 192.168.1.0/24 in shared-network-name LAN; metalboot plans there (the inventory's name"
                + " dhcp1 is not used: one subnet never goes under two shared networks)\nup to date\n", again.diff());
    }

    @Test
    void aUserMappingWithAMachinesIpStopsThePlanNamingBoth() throws Exception {
        OpenSsh.Result set = ssh.run(LabDesired.WRAPPER + " begin; " + LabDesired.WRAPPER + " set " + LAN
                + " static-mapping laptop ip-address 192.168.1.211; " + LabDesired.WRAPPER + " set " + LAN
                + " static-mapping laptop mac-address 00:1b:00:00:00:aa; " + LabDesired.WRAPPER + " commit; " + LabDesired.WRAPPER + " end");
        assertEquals(0, set.exitCode(), set.err());
        EdgeosLive live = read();
        PlanConflictException e = assertThrows(PlanConflictException.class, () -> EdgeosPlanner.plan(live, LabDesired.edgeos(LabDesired.inventory())));
        assertEquals("router static-mapping 'laptop' (00:1b:00:00:00:aa, 192.168.1.211) has the IP of machine kube-worker-1"
                + " (192.168.1.211); metalboot does not own it: remove or rename it on the router, or change the inventory", e.getMessage());
        assertTrue(live.unsavedDhcpChanges(), "committed, not saved");
    }

    @Test
    void aHeldLockIsReportedWithItsOwner() throws Exception {
        assertEquals(0, ssh.run("mkdir -p /config/metalboot/lock && echo 'alice@laptop 2024-05-01T12:00:00Z' > /config/metalboot/lock/owner").exitCode());
        assertEquals(Optional.of("alice@laptop 2024-05-01T12:00:00Z\n"), read().lock());
    }
}
