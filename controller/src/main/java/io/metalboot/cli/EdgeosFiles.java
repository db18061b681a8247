package io.metalboot.cli;

import io.metalboot.routercfg.EdgeosConfig;
import io.metalboot.routercfg.RenderedFiles;
import io.metalboot.router.edgeos.EdgeosLive;
import java.nio.file.Path;

/** Lays out the EdgeOS part of {@code render}'s output. */
final class EdgeosFiles {
    private EdgeosFiles() {
    }

    static void add(RenderedFiles files, EdgeosConfig cfg, Path out) {
        String scripts = "edgeos" + EdgeosLive.SCRIPTS; // edgeos/config/scripts/
        files.put(scripts + "ipxe-option-space.conf", cfg.optionSpace());
        files.put(scripts + "ipxe-green.conf", cfg.green());
        files.put("edgeos/commands.txt", String.join("\n", cfg.commands()) + "\n");
        files.put("edgeos/config.boot.txt", cfg.configBoot());
        // dhcpd.conf reads the includes at the router's paths; point them at the copies written here so
        // `dhcpd -t -cf OUT/edgeos/dhcpd.conf` checks exactly these files.
        Path local = out.toAbsolutePath().normalize().resolve("edgeos");
        files.put("edgeos/dhcpd.conf", cfg.dhcpdConf(p -> p.startsWith("/config/") ? local + p : p));
    }
}
