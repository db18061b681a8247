package io.metalboot.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metalboot.cli.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 10,000 bad, random and stranger packets a second for 10 s at {@code serve --proxy-dhcp} in the
 * laptop namespace, from the router namespace: the server stays up, its memory stays flat, it logs
 * a handful of lines, and a legitimate PXE client asking every 100 ms is still answered.
 */
class ProxyDhcpFloodTest {
    @TempDir
    Path dir;

    @Test
    void aFloodNeitherStopsTheProxyNorSilencesIt() throws Exception {
        try (NetLab lab = NetLab.create("eth1")) {
            Path inv = Files.writeString(dir.resolve("cluster.yaml"),
                    Files.readString(LabDesired.EXAMPLE).replace("kind: edgeos", "kind: none"));
            Path data = dir.resolve("data");
            assertEquals(0, Cli.run("render-data", "-c", inv.toString(), "--out", data.toString()).exitCode());
            Path log = dir.resolve("serve.log");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process serve = lab.start(lab.laptop(), log, java, "-Xmx96m", "-cp", System.getProperty("java.class.path"),
                    "io.metalboot.cli.Main", "serve", "--data", data.toString(), "-c", inv.toString(), "--http", NetLab.LAPTOP_IP + ":80",
                    "--tftp", "off", "--proxy-dhcp");
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> Files.readString(log).contains("answering PXE") || !serve.isAlive());
            String cp = System.getProperty("java.class.path");
            System.out.println(lab.run(lab.router(), java, "-cp", cp, "io.metalboot.sim.ProxyFlood", "rate", "200", "00:00:00:00:00:01"));
            long before = rss(serve.pid());
            String out = lab.run(lab.router(), java, "-cp", cp, "io.metalboot.sim.ProxyFlood", "flood", "10", "10000", "00:00:00:00:00:01");
            long after = rss(serve.pid());
            System.out.println(out + "serve RSS before " + before / 1024 + " MiB, after " + after / 1024 + " MiB\n--- serve log ---\n"
                    + Files.readString(log));
            assertTrue(serve.isAlive(), Files.readString(log));
            Matcher m = Pattern.compile("flood sent=(\\d+) asked=(\\d+) answered=(\\d+)").matcher(out);
            assertTrue(m.find(), out);
            assertTrue(Long.parseLong(m.group(1)) >= 50_000, "the flood ran: " + out);
            assertTrue(Integer.parseInt(m.group(3)) >= Integer.parseInt(m.group(2)) / 2, "the legitimate client is still answered: " + out);
            assertTrue(after < before + 64 * 1024, "memory flat: " + before + " kB before, " + after + " kB after");
            long lines = Files.readString(log).lines().filter(l -> l.startsWith("proxydhcp: dropped")).count();
            assertTrue(lines >= 1 && lines <= 3, "one line per 10 s: " + lines);
            String again = lab.run(lab.router(), java, "-cp", cp, "io.metalboot.sim.ProxyFlood", "rate", "20", "00:00:00:00:00:01");
            assertTrue(again.contains("answered=20"), again);
        }
    }

    private static long rss(long pid) throws Exception {
        return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream().filter(l -> l.startsWith("VmRSS:"))
                .mapToLong(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).findFirst().orElseThrow();
    }
}
