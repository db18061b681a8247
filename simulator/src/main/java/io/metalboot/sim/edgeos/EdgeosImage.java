package io.metalboot.sim.edgeos;

import io.metalboot.router.edgeos.ConfigTree;
import io.metalboot.sim.fs.RouterFs;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A factory-like ER-X as its owner left it after the setup wizard: the stock config.boot (v2.0.9)
 * with eth0 on DHCP from the ISP, eth1 as the LAN at 192.168.1.1/24, a DHCP server for
 * 192.168.1.0/24 (pool .100–.199, one day leases) holding two static mappings that belong to the
 * USER (a printer and a NAS, outside the pool; metalboot must never touch them) and five commit
 * revisions kept, so commit-confirm works. Plus the directories the router's programs write to.
 */
public final class EdgeosImage {
    /** The shared network and subnet of the LAN. */
    public static final String SHARED_NETWORK = "LAN";
    public static final String SUBNET = "192.168.1.0/24";
    /** The owner's own static mappings: name, IP, MAC. */
    public static final List<List<String>> USER_MAPPINGS = List.of(
            List.of("printer", "192.168.1.20", "3c:2a:f4:5e:8b:10"),
            List.of("nas", "192.168.1.30", "00:11:32:6a:4c:2e"));

    private static final String STOCK = "metalboot/templates/edgeos/stock/config.boot";
    private static final ConfigTree STOCK_TREE = ConfigTree.parseBoot(readStock(), STOCK);
    /** The version comments the firmware appends to every saved config.boot. */
    public static final List<String> VERSION_TRAILER = STOCK_TREE.trailer();

    private EdgeosImage() {
    }

    /** The configuration {@link #install} writes to {@code /config/config.boot}. */
    public static ConfigTree factoryConfig() {
        String dhcp = "set service dhcp-server ";
        String subnet = dhcp + "shared-network-name " + SHARED_NETWORK + " subnet " + SUBNET + " ";
        List<String> commands = new ArrayList<>(List.of(
                "delete interfaces ethernet eth0 address 192.168.1.1/24",
                "set interfaces ethernet eth0 address dhcp",
                "set interfaces ethernet eth0 description Internet",
                "set interfaces ethernet eth1 address 192.168.1.1/24",
                "set interfaces ethernet eth1 description Local",
                dhcp + "disabled false",
                dhcp + "hostfile-update disable",
                dhcp + "shared-network-name " + SHARED_NETWORK + " authoritative enable",
                subnet + "default-router 192.168.1.1",
                subnet + "dns-server 192.168.1.1",
                subnet + "lease 86400",
                subnet + "start 192.168.1.100 stop 192.168.1.199",
                "set system config-management commit-revisions 5"));
        for (List<String> mapping : USER_MAPPINGS) {
            commands.add(subnet + "static-mapping " + mapping.get(0) + " ip-address " + mapping.get(1));
            commands.add(subnet + "static-mapping " + mapping.get(0) + " mac-address " + mapping.get(2));
        }
        return STOCK_TREE.applyAll(commands);
    }

    /** Lays the router's files down in {@code fs}: config.boot, the empty lease file and the directories. */
    public static void install(RouterFs fs) throws IOException {
        for (String directory : List.of("/config/scripts", "/config/auth", "/opt/vyatta/etc", "/var/log/vyatta",
                "/var/run", "/tmp", "/home/ubnt")) {
            fs.mkdir(directory, true);
        }
        fs.write(EdgeosRouter.CONFIG_BOOT, factoryConfig().toBoot());
        fs.write(DhcpDaemon.LEASES, "");
        fs.write(Syslog.MESSAGES, "");
        fs.write(Syslog.COMMIT_LOG, "");
    }

    private static String readStock() {
        try (InputStream in = EdgeosImage.class.getClassLoader().getResourceAsStream(STOCK)) {
            if (in == null) {
                throw new IllegalStateException(STOCK + " is not on the class path (edgeos-templates provides it)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + STOCK, e);
        }
    }
}
