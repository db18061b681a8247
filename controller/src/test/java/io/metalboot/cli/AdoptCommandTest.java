package io.metalboot.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code metalboot adopt}: the file gains one item or stays byte for byte as it was; the next steps, printed or run. */
class AdoptCommandTest {
    static final String ITEM = "  - name: kube-worker-3\n    mac: 00:00:00:00:00:21\n    ip: 192.168.1.213\n    role: worker\n";

    @TempDir
    Path dir;

    Path lab(String from, String to) throws Exception {
        String yaml = Files.readString(Path.of("../examples/home-lab/cluster.yaml")).replace(from, to);
        return Files.writeString(dir.resolve("cluster.yaml"), yaml);
    }

    @Test
    void addsTheMachineAndPrintsTheNextSteps() throws Exception {
        Path inv = lab("", "");
        String before = Files.readString(inv);
        Cli r = Cli.run("adopt", "00-00-00-00-00-21", "--name", "kube-worker-3", "--role", "worker", "-c", inv.toString());
        assertEquals(0, r.exitCode(), r.err());
        String c = inv.toString();
        assertEquals("added kube-worker-3 to " + c + " at line 56: mac 00:00:00:00:00:21, ip 192.168.1.213, role worker\n"
                + "Next steps:\n"
                + "  1. metalboot pki cluster -c " + c + " --out " + dir.resolve("pki") + "\n"
                + "  2. metalboot render-data -c " + c + " --out " + dir + "\n"
                + "  3. metalboot plan -c " + c + "\n"
                + "  4. metalboot apply -c " + c + "\n"
                + "Restart 'metalboot serve' so that its page and /status name kube-worker-3.\n", r.out());
        int at = before.indexOf("\nos:\n") - 1;
        assertEquals(before.substring(0, at + 1) + ITEM + before.substring(at + 1), Files.readString(inv));
        assertEquals(List.of("cluster.yaml"), files());
        assertEquals(0, Cli.run("check", "-c", c).exitCode());
    }

    record Refused(List<String> args, String err) {
        @Override
        public String toString() {
            return String.join(" ", args);
        }
    }

    static Stream<Refused> refused() {
        return Stream.of(
                new Refused(List.of("00:00:00:00:00:11", "--name", "kube-worker-3", "--role", "worker"), "cluster.yaml:45:"
                        + " machines[1].mac '00:00:00:00:00:11' is already kube-worker-1's MAC (a machine is adopted once; to rename it"
                        + " or change its role, edit that entry)\n"),
                new Refused(List.of("00:00:00:00:00:21", "--name", "kube-worker-2", "--role", "worker"), "cluster.yaml:48:"
                        + " machines[2].name 'kube-worker-2' is already taken by 00:00:00:00:00:12 (pick another --name, e.g."
                        + " kube-worker-3)\n"),
                new Refused(List.of("00:00:00:00:00:21", "--name", "kube-worker-3", "--role", "worker", "--ip", "192.168.1.201"),
                        "cluster.yaml:42: machines[0].ip '192.168.1.201' is already kube-master's address (pick another --ip, or leave"
                                + " --ip out to take the next free one, 192.168.1.213)\n"),
                new Refused(List.of("00:00:00:00:00:21", "--name", "kube-worker-3", "--role", "worker", "--ip", "10.0.0.5"),
                        "cluster.yaml:10: network.subnet '192.168.1.0/24' does not hold --ip '10.0.0.5' (pick an address from"
                                + " 192.168.1.1 to 192.168.1.254 outside the pool 192.168.1.100-192.168.1.199, or leave --ip out to"
                                + " take the next free one, 192.168.1.213)\n"),
                new Refused(List.of("00:00:00:00:00:21", "--name", "kube-worker-3", "--role", "worker", "--ip", "192.168.1.255"),
                        "cluster.yaml: adding kube-worker-3 (00:00:00:00:00:21, 192.168.1.255, worker) at line 56 would make the"
                                + " inventory invalid, so it was left as it was:\n"
                                + "cluster.yaml:58: machines[4].ip '192.168.1.255' is the broadcast address of 192.168.1.0/24; use a"
                                + " host address from 192.168.1.1 to 192.168.1.254\n"
                                + "2 problems; nothing was written or sent.\n"),
                new Refused(List.of("00:00:00:00:00:2", "--name", "kube-worker-3", "--role", "worker"), "metalboot: MAC"
                        + " '00:00:00:00:00:2' is not a MAC address (expected six hex pairs, e.g. 00:00:00:00:00:21,"
                        + " 00-00-00-00-00-21 or 0000.0000.0021)\n"),
                new Refused(List.of("00:00:00:00:00:21", "--name", "kube-worker-3", "--role", "none"), "metalboot: --role 'none' is"
                        + " not worker or master (an adopted machine joins the cluster as one of them)\n"));
    }

    @ParameterizedTest
    @MethodSource("refused")
    void refusesAndLeavesTheFileAsItWas(Refused r) throws Exception {
        Path inv = lab("", "");
        byte[] before = Files.readAllBytes(inv);
        List<String> args = Stream.concat(Stream.of("adopt"), Stream.concat(r.args().stream(), Stream.of("-c", inv.toString()))).toList();
        Cli run = Cli.run(args.toArray(String[]::new));
        assertEquals(2, run.exitCode(), run.out());
        assertEquals(r.err().replace("cluster.yaml", inv.toString()), run.err());
        assertEquals("", run.out());
        assertArrayEquals(before, Files.readAllBytes(inv));
        assertEquals(List.of("cluster.yaml"), files());
    }

    @Test
    void withApplyRunsTheStepsInOrder() throws Exception {
        Path inv = lab("kind: edgeos", "kind: none");
        Cli r = Cli.run("adopt", "0000.0000.0021", "--name", "kube-worker-3", "--role", "worker", "-c", inv.toString(), "--apply");
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains("\n$ metalboot pki cluster -c " + inv + " --out " + dir.resolve("pki") + "\n"), r.out());
        assertTrue(r.out().contains("\n$ metalboot render-data -c " + inv + " --out " + dir + "\n"), r.out());
        assertTrue(r.out().endsWith("\nkube-worker-3 is in the inventory, its certificates and boot data are written.\n"), r.out());
        assertTrue(Files.exists(dir.resolve("pki/kubelet-kube-worker-3.pem")));
        assertTrue(Files.exists(dir.resolve("groups/kube-worker-3.json")));
    }

    @Test
    void withApplyStopsAtTheFirstStepThatFailsAndNamesIt() throws Exception {
        Path inv = lab("kind: edgeos", "kind: none");
        Files.writeString(dir.resolve("pki"), "a file where the certificates' directory should be\n");
        Cli r = Cli.run("adopt", "00:00:00:00:00:21", "--name", "kube-worker-3", "--role", "worker", "-c", inv.toString(), "--apply");
        assertEquals(1, r.exitCode(), r.out());
        String pki = "metalboot pki cluster -c " + inv + " --out " + dir.resolve("pki");
        assertTrue(r.err().endsWith("metalboot adopt: step 1 of 2 failed (exit 1): " + pki + "; kube-worker-3 stays in " + inv
                + ". Once that is fixed, run: " + pki + ", then metalboot render-data -c " + inv + " --out " + dir + "\n"), r.err());
        assertTrue(!r.out().contains("$ metalboot render-data"), r.out());
        assertTrue(Files.readString(inv).contains(ITEM));
    }

    private List<String> files() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
