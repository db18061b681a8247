package io.metalboot.cli;

import io.metalboot.routercfg.OpenwrtConfig;
import io.metalboot.routercfg.RenderedFiles;

/** Lays out the OpenWrt part of {@code render}'s output. */
final class OpenwrtFiles {
    private OpenwrtFiles() {
    }

    static void add(RenderedFiles files, OpenwrtConfig cfg) {
        files.put("openwrt/dhcp", cfg.desired().fileContent());
        files.put("openwrt/uci-batch.txt", String.join("\n", cfg.batch()) + "\n");
        files.put("openwrt/etc/config/dhcp", cfg.result().fileContent());
    }
}
