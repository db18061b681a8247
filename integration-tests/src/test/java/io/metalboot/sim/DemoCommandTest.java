package io.metalboot.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metalboot.cli.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `metalboot demo --once`, the README's main command, on a fresh directory: both routers, then the boot page. */
class DemoCommandTest {
    @TempDir
    Path dir;

    @Test
    void everyStepDoesWhatItShouldOnBothRouters() throws Exception {
        Cli demo = Cli.run("demo", "--once", "--edgeos-port", "0", "--openwrt-port", "0", "--dir", dir.toString());
        assertEquals(0, demo.exitCode(), demo.out() + demo.err());
        assertTrue(demo.out().endsWith("Every step did what it should.\n"), demo.out());
        for (String kind : new String[] {"edgeos", "openwrt"}) {
            assertTrue(demo.out().contains("=== " + kind + ": simulated router on 127.0.0.1:"), demo.out());
            assertTrue(demo.out().contains("rolled back " + kind + " router "), demo.out());
            assertEquals(3, Cli.run("history", "-c", dir.resolve(kind).resolve("cluster.yaml").toString()).out().lines().count());
        }
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("id_ecdsa"))));
        assertTrue(!demo.out().contains("!! "), demo.out());
        servesTheBootPageWithOneMachineDiscoveredAndOneBooted(demo);
    }

    /** The page's server is gone with --once: what it answered is in the demo's output and its history file. */
    private void servesTheBootPageWithOneMachineDiscoveredAndOneBooted(Cli demo) throws Exception {
        Path history = dir.resolve("boot").resolve(".metalboot").resolve("boot-events.jsonl");
        Matcher ui = Pattern.compile("\nwatch the lab boot on (http://127\\.0\\.0\\.1:[0-9]+)/ui \\(boot history in "
                + Pattern.quote(history.toString()) + "\\)\n").matcher(demo.out());
        assertTrue(ui.find(), demo.out());
        String machines = demo.out().substring(demo.out().indexOf("\n$ metalboot machines --server " + ui.group(1) + "\n"));
        assertTrue(Pattern.compile("\n00:00:00:00:00:11  kube-worker-1   192\\.168\\.1\\.211    worker  ignition    [0-9-]+T")
                .matcher(machines).find(), machines);
        assertTrue(Pattern.compile("\n52:54:00:12:34:56  \\(discovered\\)    127\\.0\\.0\\.1        -       discovered  [0-9-]+T")
                .matcher(machines).find(), machines);
        assertTrue(machines.contains("\nto take in 52:54:00:12:34:56: metalboot adopt 52:54:00:12:34:56 --name spare-nuc --role worker\n"),
                machines);
        List<String> stages = Files.readAllLines(history).stream()
                .map(l -> l.replaceAll(".*\"mac\":\"([^\"]+)\",\"stage\":\"([^\"]+)\",.*\"endpoint\":\"([^\"]+)\".*", "$1 $2 $3")).toList();
        assertEquals(List.of("52:54:00:12:34:56 discovered ipxe", "52:54:00:12:34:56 discovered discover", "00:00:00:00:00:11 ipxe ipxe",
                "00:00:00:00:00:11 kernel /assets/coreos/1053.2.0/coreos_production_pxe.vmlinuz",
                "00:00:00:00:00:11 initrd /assets/coreos/1053.2.0/coreos_production_pxe_image.cpio.gz",
                "00:00:00:00:00:11 ignition ignition"), stages);
    }
}
