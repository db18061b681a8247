package io.metalboot.router.edgeos;

import static io.metalboot.router.edgeos.EdgeosLab.SEED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metalboot.router.edgeos.EdgeosLab.Machine;
import io.metalboot.router.plan.Change;
import io.metalboot.router.plan.EntryKind;
import io.metalboot.router.plan.Plan;
import io.metalboot.router.plan.PlanConflictException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EdgeosPlannerTest {
    static final String LAN = "service dhcp-server shared-network-name LAN subnet 192.168.1.0/24";

    @Test
    void theFirstPlanOnAStockRouterAddsTheSeedInsideTheRoutersLanAndKeepsTheUsersMappings() {
        EdgeosLive stock = EdgeosLab.stock();
        Plan plan = EdgeosPlanner.plan(stock, EdgeosLab.desired(SEED));
        assertEquals("""
                # the router serves 192.168.1.0/24 in shared-network-name LAN; metalboot plans there (the inventory's name dhcp1 is not used: one subnet never goes under two shared networks)
                [dhcp-server]
                + global-parameters deny bootp;
                + global-parameters include "/config/scripts/ipxe-option-space.conf";
                [shared-network-name LAN subnet 192.168.1.0/24]
                + tftp-server-name 192.168.1.250
                + subnet-parameters include "/config/scripts/ipxe-green.conf";
                + static-mapping kube-master 192.168.1.201 00:00:00:00:00:01
                + static-mapping kube-worker-1 192.168.1.211 00:00:00:00:00:11
                + static-mapping kube-worker-2 192.168.1.212 00:00:00:00:00:12
                + static-mapping node00 192.168.1.250 00:00:00:00:00:00
                [files]
                + file /config/scripts/ipxe-green.conf (1 line)
                + file /config/scripts/ipxe-option-space.conf (1 line)
                """, plan.diff());
        assertEquals(List.of(
                "set service dhcp-server global-parameters 'deny bootp;'",
                "set service dhcp-server global-parameters 'include &quot;/config/scripts/ipxe-option-space.conf&quot;;'",
                "set " + LAN + " tftp-server-name 192.168.1.250",
                "set " + LAN + " subnet-parameters 'include &quot;/config/scripts/ipxe-green.conf&quot;;'",
                "set " + LAN + " static-mapping kube-master ip-address 192.168.1.201",
                "set " + LAN + " static-mapping kube-master mac-address 00:00:00:00:00:01",
                "set " + LAN + " static-mapping kube-worker-1 ip-address 192.168.1.211",
                "set " + LAN + " static-mapping kube-worker-1 mac-address 00:00:00:00:00:11",
                "set " + LAN + " static-mapping kube-worker-2 ip-address 192.168.1.212",
                "set " + LAN + " static-mapping kube-worker-2 mac-address 00:00:00:00:00:12",
                "set " + LAN + " static-mapping node00 ip-address 192.168.1.250",
                "set " + LAN + " static-mapping node00 mac-address 00:00:00:00:00:00"), plan.commands());
        EdgeosLive after = EdgeosLab.applied(stock, plan);
        assertTrue(after.active().exists("service", "dhcp-server", "shared-network-name", "LAN", "subnet", "192.168.1.0/24", "static-mapping", "printer"));
        assertFalse(after.active().exists("service", "dhcp-server", "shared-network-name", "dhcp1"));
        Plan again = EdgeosPlanner.plan(after, EdgeosLab.desired(SEED));
        assertTrue(again.isEmpty(), again.diff());
        assertEquals("up to date\n", again.diff().lines().filter(l -> !l.startsWith("#")).findFirst().orElse("") + "\n");
    }

    /** A change of the inventory after the seed was applied: the diff lines and the number of commands. */
    record Edit(String name, List<Machine> machines, String pool, int lease, String diff, int commands) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Edit> edits() {
        List<Machine> macChanged = new ArrayList<>(SEED);
        macChanged.set(1, new Machine("kube-worker-1", "192.168.1.211", "00:00:00:00:00:99"));
        return List.of(
                new Edit("nothing", SEED, "192.168.1.100-192.168.1.199", 86400, "up to date\n", 0),
                new Edit("one MAC", macChanged, "192.168.1.100-192.168.1.199", 86400,
                        "~ static-mapping kube-worker-1 192.168.1.211 00:00:00:00:00:11 -> 192.168.1.211 00:00:00:00:00:99\n", 1),
                new Edit("one machine gone", SEED.subList(0, 3), "192.168.1.100-192.168.1.199", 86400,
                        "- static-mapping node00 192.168.1.250 00:00:00:00:00:00\n", 1),
                new Edit("lease", SEED, "192.168.1.100-192.168.1.199", 43200, "~ lease 86400 -> 43200\n", 1),
                new Edit("pool", SEED, "192.168.1.150-192.168.1.199", 86400,
                        "~ pool 192.168.1.100-192.168.1.199 -> 192.168.1.150-192.168.1.199\n", 2));
    }

    @ParameterizedTest
    @MethodSource("edits")
    void afterTheSeedWasAppliedAnEditChangesOnlyWhatItTouches(Edit edit) {
        EdgeosLive seeded = EdgeosLab.applied(EdgeosLab.stock(), EdgeosPlanner.plan(EdgeosLab.stock(), EdgeosLab.desired(SEED)));
        EdgeosDesired desired = EdgeosLab.desired(edit.machines(), edit.pool(), edit.lease());
        Plan plan = EdgeosPlanner.plan(seeded, desired);
        String body = String.join("\n", plan.diff().lines().filter(l -> !l.startsWith("#") && !l.startsWith("[")).toList()) + "\n";
        assertEquals(edit.diff(), body);
        assertEquals(edit.commands(), plan.commands().size(), String.join("\n", plan.commands()));
        EdgeosLive after = EdgeosLab.applied(seeded, plan);
        assertTrue(EdgeosPlanner.plan(after, desired).isEmpty(), "re-plan after applying must be empty");
        assertTrue(after.active().exists("service", "dhcp-server", "shared-network-name", "LAN", "subnet", "192.168.1.0/24",
                "static-mapping", "nas"), "the user's mapping stays");
    }

    record Collision(String name, Machine machine, String message) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Collision> collisions() {
        String tail = "; metalboot does not own it: remove or rename it on the router, or change the inventory";
        return List.of(
                new Collision("by name", new Machine("printer", "192.168.1.201", "00:00:00:00:00:01"),
                        "router static-mapping 'printer' (3c:2a:f4:5e:8b:10, 192.168.1.20) has the name of machine printer"
                                + " (00:00:00:00:00:01, 192.168.1.201)" + tail),
                new Collision("by MAC", new Machine("kube-master", "192.168.1.201", "3C:2A:F4:5E:8B:10"),
                        "router static-mapping 'printer' (3c:2a:f4:5e:8b:10, 192.168.1.20) has the MAC of machine kube-master"
                                + " (3c:2a:f4:5e:8b:10)" + tail),
                new Collision("by IP", new Machine("kube-master", "192.168.1.20", "00:00:00:00:00:01"),
                        "router static-mapping 'printer' (3c:2a:f4:5e:8b:10, 192.168.1.20) has the IP of machine kube-master"
                                + " (192.168.1.20)" + tail),
                new Collision("by MAC and IP", new Machine("kube-master", "192.168.1.30", "00:11:32:6a:4c:2e"),
                        "router static-mapping 'nas' (00:11:32:6a:4c:2e, 192.168.1.30) has the MAC and IP of machine kube-master"
                                + " (00:11:32:6a:4c:2e, 192.168.1.30)" + tail));
    }

    @ParameterizedTest
    @MethodSource("collisions")
    void anUnownedMappingThatCollidesStopsThePlan(Collision collision) {
        PlanConflictException e = assertThrows(PlanConflictException.class,
                () -> EdgeosPlanner.plan(EdgeosLab.stock(), EdgeosLab.desired(List.of(collision.machine()))));
        assertEquals(collision.message(), e.getMessage());
    }

    @Test
    void anUnownedMappingExactlyAsDesiredIsAdoptedAndDeletedOnceTheInventoryDropsIt() {
        Machine printer = new Machine("printer", "192.168.1.20", "3c:2a:f4:5e:8b:10");
        List<Machine> machines = new ArrayList<>(SEED);
        machines.add(printer);
        Plan plan = EdgeosPlanner.plan(EdgeosLab.stock(), EdgeosLab.desired(machines));
        assertEquals(List.of(Change.adopt(EntryKind.STATIC_MAPPING, "printer", "192.168.1.20 3c:2a:f4:5e:8b:10",
                "shared-network-name LAN subnet 192.168.1.0/24")), plan.adoptions());
        assertTrue(plan.diff().contains("= static-mapping printer 192.168.1.20 3c:2a:f4:5e:8b:10 (adopted: already as the inventory"
                + " wants, owned by metalboot from now on)\n"), plan.diff());
        assertTrue(plan.commands().stream().noneMatch(c -> c.contains("printer")), plan.commands().toString());
        EdgeosLive after = EdgeosLab.applied(EdgeosLab.stock(), plan);
        assertTrue(after.ownership().owns(EntryKind.STATIC_MAPPING, "printer"));
        Plan dropped = EdgeosPlanner.plan(after, EdgeosLab.desired(SEED));
        assertEquals(List.of("delete " + LAN + " static-mapping printer"), dropped.commands());
    }

    @Test
    void aPoolThatWouldSwallowTheUsersMappingIsRefusedBeforeAnythingIsSent() {
        PlanConflictException e = assertThrows(PlanConflictException.class,
                () -> EdgeosPlanner.plan(EdgeosLab.stock(), EdgeosLab.desired(SEED, "192.168.1.10-192.168.1.199", 86400)));
        assertEquals("the inventory's pool 192.168.1.10-192.168.1.199 would contain static-mapping 'nas' (192.168.1.30),"
                + " which EdgeOS refuses at commit: shrink the pool in the inventory or move the mapping out of it\n"
                + "the inventory's pool 192.168.1.10-192.168.1.199 would contain static-mapping 'printer' (192.168.1.20),"
                + " which EdgeOS refuses at commit: shrink the pool in the inventory or move the mapping out of it", e.getMessage());
    }

    @Test
    void anIncludeFileMetalbootDoesNotOwnThatDiffersStopsThePlan() {
        EdgeosLive stock = EdgeosLab.stock();
        EdgeosLive handMade = EdgeosLab.live(stock.active(), java.util.Map.of(EdgeosLab.GREEN, java.util.Optional.of("# mine\n"),
                EdgeosLab.SPACE, java.util.Optional.empty()), stock.ownership());
        PlanConflictException e = assertThrows(PlanConflictException.class, () -> EdgeosPlanner.plan(handMade, EdgeosLab.desired(SEED)));
        assertEquals("router file /config/scripts/ipxe-green.conf (1 line) differs from the one metalboot writes there;"
                + " metalboot does not own it: remove or rename it on the router, or change the inventory", e.getMessage());
    }
}
