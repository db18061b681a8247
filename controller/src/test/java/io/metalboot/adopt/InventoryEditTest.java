package io.metalboot.adopt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.metalboot.inventory.InventoryException;
import io.metalboot.inventory.Machine.Role;
import io.metalboot.router.Ipv4Address;
import io.metalboot.router.MacAddress;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Adding a machine to the inventory's text: only the new item changes the file; refusals name the line in conflict. */
class InventoryEditTest {
    /** Lines 1-15; the machines list starts on line 16. */
    static final String HEAD = """
            # a small lab
            version: 1
            cluster:
              name: lab
            network:
              subnet: 10.0.0.0/24
              gateway: 10.0.0.1
              dns: [10.0.0.1, 10.0.0.2]
              pool: {start: 10.0.0.100, end: 10.0.0.199}
            router:
              kind: openwrt
              address: 10.0.0.1
            bootServer:
              address: 10.0.0.250
            machines:
            """;
    static final String TWO = HEAD + """
              - name: master-1
                mac: 00:00:00:00:00:01
                ip: 10.0.0.11
                role: master
              - name: worker-1
                mac: 00:00:00:00:00:02
                ip: 10.0.0.21
                role: worker
            """;

    static Adoption worker(String mac, String name) {
        return new Adoption(MacAddress.parse(mac).orElseThrow(), name, Role.WORKER, Optional.empty());
    }

    static Adoption worker(String mac, String name, String ip) {
        return new Adoption(MacAddress.parse(mac).orElseThrow(), name, Role.WORKER, Optional.of(Ipv4Address.parse(ip)));
    }

    record Layout(String what, String before, String after) {
        @Override
        public String toString() {
            return what;
        }
    }

    static Stream<Layout> layouts() {
        String one = HEAD + "  - name: master-1\n    mac: 00:00:00:00:00:01\n    ip: 10.0.0.11\n    role: master\n";
        String worker2 = "  - name: worker-2\n    mac: 00:00:00:00:00:03\n    ip: 10.0.0.22\n    role: worker\n";
        return Stream.of(
                new Layout("indented block items", TWO, TWO + worker2),
                new Layout("list at the key's column", HEAD + "- name: master-1\n  mac: 00:00:00:00:00:01\n  ip: 10.0.0.11\n  role: master\n",
                        HEAD + "- name: master-1\n  mac: 00:00:00:00:00:01\n  ip: 10.0.0.11\n  role: master\n"
                                + "- name: worker-2\n  mac: 00:00:00:00:00:03\n  ip: 10.0.0.200\n  role: worker\n"),
                new Layout("flow items", one + "  - {name: worker-1, mac: 00:00:00:00:00:02, ip: 10.0.0.21, role: worker}\n",
                        one + "  - {name: worker-1, mac: 00:00:00:00:00:02, ip: 10.0.0.21, role: worker}\n"
                                + "  - {name: worker-2, mac: 00:00:00:00:00:03, ip: 10.0.0.22, role: worker}\n"),
                new Layout("key order, quoting and aligned values of the last item",
                        one + "  - name:  worker-1\n    role:  worker\n    mac:   \"00:00:00:00:00:02\"\n    ip:    '10.0.0.21'\n",
                        one + "  - name:  worker-1\n    role:  worker\n    mac:   \"00:00:00:00:00:02\"\n    ip:    '10.0.0.21'\n"
                                + "  - name:  worker-2\n    role:  worker\n    mac:   \"00:00:00:00:00:03\"\n    ip:    '10.0.0.22'\n"),
                new Layout("comments in and after the list, blank lines, a section after it",
                        TWO.replace("    role: worker\n", "    role: worker   # the NUC under the desk\n")
                                + "  # - name: spare (not yet)\n\n# the OS\nos:\n  kind: flatcar\n",
                        TWO.replace("    role: worker\n", "    role: worker   # the NUC under the desk\n") + worker2
                                + "  # - name: spare (not yet)\n\n# the OS\nos:\n  kind: flatcar\n"),
                new Layout("CRLF line ends", TWO.replace("\n", "\r\n"), (TWO + worker2).replace("\n", "\r\n")),
                new Layout("no line end at the end of the file", TWO.strip(), TWO + worker2.stripTrailing()));
    }

    @ParameterizedTest
    @MethodSource("layouts")
    void addsOneItemInTheListsStyleAndNothingElse(Layout l) {
        Adopted a = InventoryEdit.add("cluster.yaml", l.before(), worker("00-00-00-00-00-03", "worker-2"));
        assertEquals(l.after(), a.text());
        assertEquals("worker-2", a.machine().name());
        assertEquals(l.after().contains("10.0.0.200") ? "10.0.0.200" : "10.0.0.22", a.machine().ip().toString());
    }

    @Test
    void theInitTemplateKeepsEveryCommentAndBlankLineByteForByte() throws IOException {
        String before;
        try (InputStream in = InventoryEditTest.class.getResourceAsStream("/metalboot/init/cluster.yaml")) {
            before = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Adopted a = InventoryEdit.add("cluster.yaml", before, worker("0000.0000.0021", "kube-worker-3"));
        String item = "  - name: kube-worker-3\n    mac: 00:00:00:00:00:21\n    ip: 192.168.1.213\n    role: worker\n";
        int at = before.indexOf("\nos:\n") - 1; // after node00's entry, before the blank line ahead of os:
        assertEquals(before.substring(0, at + 1) + item + before.substring(at + 1), a.text());
        assertEquals(56, a.line());
    }

    record Refusal(Adoption adoption, String message) {
        @Override
        public String toString() {
            return message;
        }
    }

    static Stream<Refusal> refusals() {
        return Stream.of(
                new Refusal(worker("00-00-00-00-00-02", "worker-2"), "cluster.yaml:21: machines[1].mac '00:00:00:00:00:02' is already"
                        + " worker-1's MAC (a machine is adopted once; to rename it or change its role, edit that entry)"),
                new Refusal(worker("00:00:00:00:00:03", "worker-1"), "cluster.yaml:20: machines[1].name 'worker-1' is already taken by"
                        + " 00:00:00:00:00:02 (pick another --name, e.g. worker-2)"),
                new Refusal(worker("00:00:00:00:00:03", "master-1"), "cluster.yaml:16: machines[0].name 'master-1' is already taken by"
                        + " 00:00:00:00:00:01 (pick another --name, e.g. master-2)"),
                new Refusal(worker("00:00:00:00:00:03", "worker-2", "10.0.0.11"), "cluster.yaml:18: machines[0].ip '10.0.0.11' is"
                        + " already master-1's address (pick another --ip, or leave --ip out to take the next free one, 10.0.0.22)"),
                new Refusal(worker("00:00:00:00:00:03", "worker-2", "10.0.0.1"), "cluster.yaml:7: network.gateway '10.0.0.1' is the"
                        + " router's address (pick another --ip, or leave --ip out to take the next free one, 10.0.0.22)"),
                new Refusal(worker("00:00:00:00:00:03", "worker-2", "10.0.0.2"), "cluster.yaml:8: network.dns '10.0.0.2' is a DNS"
                        + " server's address (pick another --ip, or leave --ip out to take the next free one, 10.0.0.22)"),
                new Refusal(worker("00:00:00:00:00:03", "worker-2", "10.0.0.250"), "cluster.yaml:14: bootServer.address '10.0.0.250'"
                        + " is the boot server's address (pick another --ip, or leave --ip out to take the next free one, 10.0.0.22)"),
                new Refusal(worker("00:00:00:00:00:03", "worker-2", "192.168.1.22"), "cluster.yaml:6: network.subnet '10.0.0.0/24'"
                        + " does not hold --ip '192.168.1.22' (pick an address from 10.0.0.1 to 10.0.0.254 outside the pool"
                        + " 10.0.0.100-10.0.0.199, or leave --ip out to take the next free one, 10.0.0.22)"),
                new Refusal(worker("00:00:00:00:00:01", "worker-1", "10.0.0.21"), String.join("\n",
                        "cluster.yaml:17: machines[0].mac '00:00:00:00:00:01' is already master-1's MAC (a machine is adopted once; to"
                                + " rename it or change its role, edit that entry)",
                        "cluster.yaml:20: machines[1].name 'worker-1' is already taken by 00:00:00:00:00:02 (pick another --name, e.g."
                                + " worker-2)",
                        "cluster.yaml:22: machines[1].ip '10.0.0.21' is already worker-1's address (pick another --ip, or leave --ip"
                                + " out to take the next free one, 10.0.0.22)")));
    }

    @ParameterizedTest
    @MethodSource("refusals")
    void refusesWhatIsInUseNamingTheLineThatHasIt(Refusal r) {
        InventoryException e = assertThrows(InventoryException.class, () -> InventoryEdit.add("cluster.yaml", TWO, r.adoption()));
        assertEquals(r.message(), e.getMessage());
    }

    record Free(String what, String inventory, Role role, String expected) {
        @Override
        public String toString() {
            return what;
        }
    }

    static Stream<Free> free() {
        return Stream.of(
                new Free("after the highest worker", TWO, Role.WORKER, "10.0.0.22"),
                new Free("after the highest master", TWO, Role.MASTER, "10.0.0.12"),
                new Free("skipping a machine's address", TWO.replace("ip: 10.0.0.11", "ip: 10.0.0.22"), Role.WORKER, "10.0.0.23"),
                new Free("skipping the boot server", TWO.replace("ip: 10.0.0.21", "ip: 10.0.0.249"), Role.WORKER, "10.0.0.251"),
                new Free("wrapping past the broadcast address, skipping the gateway and DNS",
                        TWO.replace("ip: 10.0.0.21", "ip: 10.0.0.254"), Role.WORKER, "10.0.0.3"),
                new Free("after the pool when no machine has the role", TWO.replace("role: master", "role: none")
                        .replace("role: worker", "role: none"), Role.MASTER, "10.0.0.200"));
    }

    @ParameterizedTest
    @MethodSource("free")
    void withoutAnAddressTakesTheNextFreeOneOutsideThePool(Free f) {
        assertEquals(f.expected(), InventoryEdit.add("cluster.yaml", f.inventory(),
                new Adoption(MacAddress.parse("00:00:00:00:00:03").orElseThrow(), "node-2", f.role(), Optional.empty()))
                .machine().ip().toString());
    }

    @Test
    void anEditThatWouldNotValidateIsRefusedWithTheLoadersWords() {
        InventoryException e = assertThrows(InventoryException.class,
                () -> InventoryEdit.add("cluster.yaml", TWO, worker("00:00:00:00:00:03", "Worker_2")));
        assertEquals("cluster.yaml: adding Worker_2 (00:00:00:00:00:03, 10.0.0.22, worker) at line 24 would make the inventory"
                + " invalid, so it was left as it was:\ncluster.yaml:24: machines[2].name 'Worker_2' is not a valid host name: use"
                + " 1-63 lowercase letters, digits and hyphens, starting and ending with a letter or digit (e.g. kube-worker-1);"
                + " did you mean 'worker-2'?", e.getMessage());
    }

    @Test
    void aFlowListIsRefused() {
        String flow = HEAD.replace("machines:\n", "machines: [{name: master-1, mac: 00:00:00:00:00:01, ip: 10.0.0.11, role: master}]\n");
        InventoryException e = assertThrows(InventoryException.class,
                () -> InventoryEdit.add("cluster.yaml", flow, worker("00:00:00:00:00:03", "worker-2")));
        assertEquals("cluster.yaml:15: machines is written as a flow list ([...]); adopt adds to a block list (write it with one"
                + " '- name: ...' item per machine)", e.getMessage());
    }
}
