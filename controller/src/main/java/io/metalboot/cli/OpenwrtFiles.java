package io.metalboot.cli;

import io.metalboot.routercfg.OpenwrtConfig;
import io.metalboot.routercfg.RenderedFiles;
import java.nio.file.Path;

/** Lays out the OpenWrt part of {@code render}'s output. */
final class OpenwrtFiles {
    private OpenwrtFiles() {
    }

    private static final String STAND_INS = "openwrt/stand-ins";
    private static final String CONF_DIR = "/tmp/dnsmasq.d";

    static void add(RenderedFiles files, OpenwrtConfig cfg, Path out) {
        files.put("openwrt/dhcp", cfg.desired().fileContent());
        files.put("openwrt/uci-batch.txt", String.join("\n", cfg.batch()) + "\n");
        files.put("openwrt/etc/config/dhcp", cfg.result().fileContent());
        // dnsmasq reads conf-file and conf-dir while parsing; point them at empty stand-ins written here so
        // `dnsmasq --test --conf-file=OUT/openwrt/dnsmasq.conf` checks what metalboot generated.
        Path local = out.toAbsolutePath().normalize().resolve(STAND_INS);
        for (String file : OpenwrtConfig.filesReadByDnsmasq()) {
            files.put(STAND_INS + file, "# Empty stand-in for the router's " + file + ", so that a local\n"
                    + "# `dnsmasq --test --conf-file=../dnsmasq.conf` can read it.\n");
        }
        files.put(STAND_INS + CONF_DIR + "/.keep", "");
        files.put("openwrt/dnsmasq.conf", cfg.dnsmasqConf(p -> p.equals(CONF_DIR)
                || OpenwrtConfig.filesReadByDnsmasq().contains(p) ? local + p : p).content());
    }
}
