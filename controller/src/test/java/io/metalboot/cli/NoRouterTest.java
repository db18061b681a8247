package io.metalboot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metalboot.boot.DataDir;
import io.metalboot.boot.Labels;
import io.metalboot.boot.render.IgnitionConfig;
import io.metalboot.boot.select.Match;
import io.metalboot.router.RequiredTool;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code router.kind: none}: nothing connects to the router, check warns, installed machines get a static address. */
class NoRouterTest {
    @TempDir
    Path dir;

    Path inventory(String... replacements) throws Exception {
        String yaml = Files.readString(Path.of("../examples/home-lab/cluster.yaml")).replace("kind: edgeos", "kind: none");
        for (int i = 0; i < replacements.length; i += 2) {
            yaml = yaml.replace(replacements[i], replacements[i + 1]);
        }
        return Files.writeString(dir.resolve("cluster.yaml"), yaml);
    }

    @Test
    void routerCommandsSayWhyTheyDoNothing() throws Exception {
        Path inv = inventory();
        for (String command : List.of("plan", "apply", "rollback", "diff")) {
            Cli r = Cli.run(command, "-c", inv.toString(), "--trust-new-host-key");
            assertEquals(2, r.exitCode(), command + ": " + r.out() + r.err());
            assertEquals("metalboot: " + command + ": " + inv + " sets router.kind none, so metalboot never connects to the router and"
                    + " has nothing to " + command + "; boot the machines with 'metalboot serve --proxy-dhcp' beside the router's own"
                    + " DHCP server (README: No router access)\n", r.err());
        }
    }

    @Test
    void checkWarnsThatDhcpCannotFixTheAddresses() throws Exception {
        Cli r = Cli.run("check", "-c", inventory().toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains(", no router access (serve --proxy-dhcp), boot server http://192.168.1.250\n"), r.out());
        assertTrue(r.out().contains("cluster.yaml:20: router.kind 'none': metalboot does not configure the router, so DHCP"
                + " cannot guarantee the machines' fixed addresses; they PXE-boot with an address from the router's pool and, once"
                + " installed, use machines[].ip as a static address (systemd-networkd, from their Ignition)\n"), r.out());
    }

    @Test
    void aMachineInsideThePoolIsAnError() throws Exception {
        Cli r = Cli.run("check", "-c", inventory("ip: 192.168.1.211", "ip: 192.168.1.150").toString());
        assertEquals(2, r.exitCode(), r.out());
        assertTrue(r.err().contains("machines[1].ip '192.168.1.150' is inside the router's dynamic pool 192.168.1.100-192.168.1.199;"
                + " with router.kind none nothing reserves it, so the router may lease it to another device; pick an address outside"
                + " the pool in the subnet 192.168.1.0/24"), r.err());
    }

    @Test
    void theInstalledMachineGetsItsAddressAsAStaticNetworkdUnit() throws Exception {
        Path inv = inventory();
        Path data = dir.resolve("data");
        assertEquals(0, Cli.run("render-data", "-c", inv.toString(), "--out", data.toString()).exitCode());
        assertEquals(0, Cli.run("pki", "cluster", "-c", inv.toString(), "--out", data.resolve("pki").toString()).exitCode());
        DataDir loaded = DataDir.load(data);
        Match own = Match.of(loaded, Labels.of(Map.of("mac", List.of("00:00:00:00:00:01"), "os", List.of("installed")),
                "mac=00:00:00:00:00:01&os=installed"));
        String ignition = IgnitionConfig.of(own);
        String decoded = URLDecoder.decode(ignition.replace("+", "%2B"), StandardCharsets.UTF_8);
        assertTrue(decoded.contains("\"path\":\"/etc/systemd/network/00-metalboot-static.network\""), ignition);
        assertTrue(decoded.contains("[Match]\nMACAddress=00:00:00:00:00:01\n\n[Network]\nAddress=192.168.1.201/24\nGateway=192.168.1.1\n"
                + "DNS=192.168.1.1\n"), decoded);
        RequiredTool.Run run = RequiredTool.find("ignition-validate", "ignition").run(Files.writeString(dir.resolve("x.ign"), ignition).toString());
        assertEquals(0, run.exitCode(), run.output());
    }
}
