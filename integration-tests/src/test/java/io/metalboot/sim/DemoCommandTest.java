package io.metalboot.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metalboot.cli.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `metalboot demo --once`, the README's main command, on a fresh directory. */
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
    }
}
