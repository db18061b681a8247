package io.metalboot.router.openwrt;

import static io.metalboot.router.openwrt.OpenwrtLab.SEED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metalboot.router.openwrt.OpenwrtLab.Machine;
import io.metalboot.router.plan.EntryKind;
import io.metalboot.router.plan.Plan;
import io.metalboot.router.plan.PlanConflictException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class OpenwrtPlannerTest {

    @Test
    void theFirstPlanAddsMetalbootsSectionsEnforcesTheLanSettingsAndKeepsTheUsersHosts() {
        OpenwrtLive stock = OpenwrtLab.stock();
        Plan plan = OpenwrtPlanner.plan(stock, OpenwrtLab.desired(SEED, "24h"));
        assertEquals("""
                [dhcp.lan]
                ~ leasetime 12h -> 24h
                + dhcp_option 3,192.168.1.1,6,192.168.1.1
                + section mb_kube_master host name=kube-master mac=00:00:00:00:00:01 ip=192.168.1.201
                + section mb_kube_worker_1 host name=kube-worker-1 mac=00:00:00:00:00:11 ip=192.168.1.211
                + section mb_kube_worker_2 host name=kube-worker-2 mac=00:00:00:00:00:12 ip=192.168.1.212
                + section mb_node00 host name=node00 mac=00:00:00:00:00:00 ip=192.168.1.250
                + section mb_bios match networkid=bios match=option:client-arch,0
                + section mb_ipxe userclass networkid=ipxe userclass=iPXE
                + section mb_boot_bios boot networkid=bios filename=undionly.kpxe
                + section mb_boot_ipxe boot networkid=ipxe filename=http://192.168.1.250/boot.ipxe
                """, plan.diff());
        assertEquals(List.of("set dhcp.lan.leasetime='24h'", "add_list dhcp.lan.dhcp_option='3,192.168.1.1'",
                "add_list dhcp.lan.dhcp_option='6,192.168.1.1'", "set dhcp.mb_kube_master=host",
                "set dhcp.mb_kube_master.name='kube-master'"), plan.commands().subList(0, 5));
        OpenwrtLive after = OpenwrtLab.applied(stock, plan);
        List<UciSection> sections = after.committed().sections();
        assertEquals("mb_boot_ipxe", sections.get(sections.size() - 1).name());
        assertEquals(3 + 4, after.committed().sections("host").size(), "the user's three hosts stay");
        assertTrue(OpenwrtPlanner.plan(after, OpenwrtLab.desired(SEED, "24h")).isEmpty());
    }

    record Edit(String name, List<Machine> machines, String diff, List<String> commands) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Edit> edits() {
        List<Machine> macChanged = new ArrayList<>(SEED);
        macChanged.set(0, new Machine("kube-master", "192.168.1.201", "00:00:00:00:00:99"));
        List<Machine> added = new ArrayList<>(SEED);
        added.add(new Machine("kube-worker-3", "192.168.1.213", "00:00:00:00:00:13"));
        return List.of(
                new Edit("nothing", SEED, "up to date\n", List.of()),
                new Edit("one MAC", macChanged, "~ section mb_kube_master host name=kube-master mac=00:00:00:00:00:01 ip=192.168.1.201"
                        + " -> host name=kube-master mac=00:00:00:00:00:99 ip=192.168.1.201\n",
                        List.of("set dhcp.mb_kube_master.mac='00:00:00:00:00:99'")),
                new Edit("one machine gone", SEED.subList(1, 4), "- section mb_kube_master host name=kube-master"
                        + " mac=00:00:00:00:00:01 ip=192.168.1.201\n", List.of("delete dhcp.mb_kube_master")),
                new Edit("one machine more", added, "+ section mb_kube_worker_3 host name=kube-worker-3 mac=00:00:00:00:00:13"
                        + " ip=192.168.1.213\n", List.of("set dhcp.mb_kube_worker_3=host",
                        "set dhcp.mb_kube_worker_3.name='kube-worker-3'", "set dhcp.mb_kube_worker_3.mac='00:00:00:00:00:13'",
                        "set dhcp.mb_kube_worker_3.ip='192.168.1.213'", "reorder dhcp.mb_bios=15", "reorder dhcp.mb_ipxe=15",
                        "reorder dhcp.mb_boot_bios=15", "reorder dhcp.mb_boot_ipxe=15")));
    }

    @ParameterizedTest
    @MethodSource("edits")
    void afterTheSeedWasAppliedAnEditChangesOnlyWhatItTouches(Edit edit) {
        OpenwrtLive seeded = OpenwrtLab.applied(OpenwrtLab.stock(), OpenwrtPlanner.plan(OpenwrtLab.stock(), OpenwrtLab.desired(SEED, "24h")));
        OpenwrtDesired desired = OpenwrtLab.desired(edit.machines(), "24h");
        Plan plan = OpenwrtPlanner.plan(seeded, desired);
        assertEquals(edit.diff(), plan.diff());
        assertEquals(edit.commands(), plan.commands());
        OpenwrtLive after = OpenwrtLab.applied(seeded, plan);
        assertTrue(OpenwrtPlanner.plan(after, desired).isEmpty(), "re-plan after applying must be empty");
        List<UciSection> sections = after.committed().sections();
        assertEquals("mb_boot_ipxe", sections.get(sections.size() - 1).name());
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
                        "router host 'printer' (00:1b:a9:4c:21:07, 192.168.1.20) has the name of machine printer"
                                + " (00:00:00:00:00:01, 192.168.1.201)" + tail),
                new Collision("by MAC", new Machine("kube-master", "192.168.1.201", "00-1B-A9-4C-21-07"),
                        "router host 'printer' (00:1b:a9:4c:21:07, 192.168.1.20) has the MAC of machine kube-master"
                                + " (00:1b:a9:4c:21:07)" + tail),
                new Collision("by IP", new Machine("kube-master", "192.168.1.40", "00:00:00:00:00:01"),
                        "router host 'livingroom-tv' (a8:23:fe:19:6b:42, 192.168.1.40) has the IP of machine kube-master"
                                + " (192.168.1.40)" + tail));
    }

    @ParameterizedTest
    @MethodSource("collisions")
    void anUnownedHostThatCollidesStopsThePlan(Collision collision) {
        PlanConflictException e = assertThrows(PlanConflictException.class,
                () -> OpenwrtPlanner.plan(OpenwrtLab.stock(), OpenwrtLab.desired(List.of(collision.machine()), "12h")));
        assertEquals(collision.message(), e.getMessage());
    }

    @Test
    void anUnownedSectionWithMetalbootsNameIsAdoptedWhenIdenticalAndAConflictOtherwise() {
        UciConfig withBoot = OpenwrtLab.factory().batch("set dhcp.mb_bios=match\nset dhcp.mb_bios.networkid='bios'\n"
                + "set dhcp.mb_bios.match='option:client-arch,0'\n").config();
        Plan plan = OpenwrtPlanner.plan(OpenwrtLab.live(withBoot, List.of(), OpenwrtLab.stock().ownership()), OpenwrtLab.desired(SEED, "12h"));
        assertEquals("= section mb_bios match networkid=bios match=option:client-arch,0 (adopted: already as the inventory wants,"
                + " owned by metalboot from now on)", plan.adoptions().get(0).line());
        assertTrue(plan.ownershipAfter().owns(EntryKind.SECTION, "mb_bios"));

        UciConfig other = withBoot.batch("set dhcp.mb_bios.match='option:client-arch,6'\n").config();
        PlanConflictException e = assertThrows(PlanConflictException.class, () -> OpenwrtPlanner.plan(
                OpenwrtLab.live(other, List.of(), OpenwrtLab.stock().ownership()), OpenwrtLab.desired(SEED, "12h")));
        assertEquals("router section 'mb_bios' (match networkid=bios match=option:client-arch,6) has the name of metalboot's"
                + " section mb_bios (match networkid=bios match=option:client-arch,0); metalboot does not own it: remove or"
                + " rename it on the router, or change the inventory", e.getMessage());
    }

    @Test
    void someoneElsesStagedUciChangesStopThePlan() {
        OpenwrtLive staged = OpenwrtLab.live(OpenwrtLab.factory(), List.of("dhcp.lan.start='50'", "-dhcp.cfg0ada14"),
                OpenwrtLab.stock().ownership());
        PlanConflictException e = assertThrows(PlanConflictException.class, () -> OpenwrtPlanner.plan(staged, OpenwrtLab.desired(SEED, "12h")));
        assertEquals("the router has uncommitted uci changes in dhcp that are not metalboot's: dhcp.lan.start='50', -dhcp.cfg0ada14;"
                + " uci would commit them together with metalboot's: commit them ('uci commit dhcp') or revert them"
                + " ('uci revert dhcp') on the router, then plan again", e.getMessage());
    }

    @Test
    void metalbootsOwnStagedLeftoversAreRevertedFirst() {
        OpenwrtLive staged = OpenwrtLab.live(OpenwrtLab.factory(), List.of("dhcp.mb_node00=host", "dhcp.mb_node00.ip='192.168.1.9'"),
                OpenwrtLab.stock().ownership());
        Plan plan = OpenwrtPlanner.plan(staged, OpenwrtLab.desired(SEED, "12h"));
        assertEquals("revert dhcp.mb_node00", plan.commands().get(0));
        assertEquals(1, plan.commands().stream().filter(c -> c.startsWith("revert")).count());
    }
}
