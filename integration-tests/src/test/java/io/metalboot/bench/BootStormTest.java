package io.metalboot.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.metalboot.boot.store.FileStore;
import io.metalboot.boot.Progress;
import io.metalboot.boot.http.BootServer;
import io.metalboot.cli.Cli;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The boot storm client against the real boot server: a small lab boots without an error, and the client reads iPXE like iPXE. */
class BootStormTest {
    @TempDir
    Path dir;

    @Test
    void aSmallLabBootsWithoutErrors() throws Exception {
        Cli prepared = Cli.run("bench", "storm", "prepare", "--out", dir.toString(), "--machines", "6", "--kernel-mb", "1", "--initrd-mb", "1");
        assertEquals(0, prepared.exitCode(), prepared.out() + prepared.err());
        Path data = dir.resolve("data");
        assertEquals(6, Files.readAllLines(dir.resolve("macs.txt")).size());
        try (FileStore live = new FileStore(data);
                BootServer server = BootServer.start("127.0.0.1", 0, live, new Progress(Map.of(), Map.of(), Clock.systemUTC()))) {
            Path kernel = Files.walk(data.resolve("assets")).filter(p -> p.toString().endsWith(".vmlinuz")).findFirst().orElseThrow();
            Path initrd = Files.walk(data.resolve("assets")).filter(p -> p.toString().contains(".cpio")).findFirst().orElseThrow();
            BootStorm.Expected expected = new BootStorm.Expected("/" + data.relativize(kernel), Files.size(kernel),
                    "/" + data.relativize(initrd), Files.size(initrd));
            List<BootStorm.Machine> machines = List.of(new BootStorm.Machine("m0001", "02:00:00:00:00:01"),
                    new BootStorm.Machine("m0005", "02:00:00:00:00:05"));
            BootStorm.Result r = new BootStorm(new InetSocketAddress("127.0.0.1", server.port()), expected, 30_000)
                    .run(machines, Duration.ofMinutes(2));
            assertEquals(List.of(), r.messages());
            assertEquals(0, r.errors());
            assertEquals(2 * 2, r.ignitionNanos().length);
            assertEquals(2 * (1 << 21), r.bytes());
        }
    }

    @Test
    void expandsAndResolvesLikeIpxe() {
        BootStorm.Machine m = new BootStorm.Machine("m1", "02:00:00:00:01:f4");
        assertEquals("ipxe?uuid=&mac=02-00-00-00-01-f4&arch=x86_64",
                BootStorm.expand("ipxe?uuid=${uuid}&mac=${mac:hexhyp}&arch=${buildarch:uristring}", m));
        assertEquals("/ipxe?mac=1", BootStorm.target("/boot.ipxe", "ipxe?mac=1"));
        assertEquals("/ignition?mac=1", BootStorm.target("/", "http://10.0.0.250/ignition?mac=1"));
        assertEquals("/assets/k", BootStorm.target("/ipxe?mac=1", "/assets/k"));
        assertEquals(3, BootStorm.percentile(new long[] {1, 2, 3}, 99));
        assertEquals(2, BootStorm.percentile(new long[] {1, 2, 3}, 50));
    }
}
