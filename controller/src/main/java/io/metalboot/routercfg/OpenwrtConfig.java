package io.metalboot.routercfg;

import io.metalboot.inventory.Inventory;
import io.metalboot.router.RouterAgentException;
import io.metalboot.router.openwrt.DnsmasqConfGenerator;
import io.metalboot.router.openwrt.OpenWrtHost;
import io.metalboot.router.openwrt.UciConfig;
import io.metalboot.router.openwrt.UciPlan;
import io.metalboot.router.openwrt.UciResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * What metalboot wants in an OpenWrt router's {@code /etc/config/dhcp}: the desired sections, the
 * {@code uci batch} that puts them into a given config, and the config that results.
 */
public record OpenwrtConfig(UciConfig desired, UciConfig base, List<String> batch, UciConfig result, OpenWrtHost host) {
    public static final String KIND = "openwrt";
    private static final String STOCK = "metalboot/templates/openwrt/stock/dhcp";

    public OpenwrtConfig {
        batch = List.copyOf(batch);
    }

    /** Renders the OpenWrt template for {@code inv} and applies it to a fresh OpenWrt's {@code /etc/config/dhcp}. */
    public static OpenwrtConfig render(Inventory inv, RouterTemplates templates) {
        return render(inv, templates, stockDhcp());
    }

    /** Renders the OpenWrt template for {@code inv} and plans it against {@code base}. */
    public static OpenwrtConfig render(Inventory inv, RouterTemplates templates, UciConfig base) {
        UciConfig desired = UciConfig.parse("dhcp", templates.render(KIND, "dhcp", TemplateData.of(inv)));
        List<String> batch = UciPlan.between(base, desired);
        UciResult applied = base.batch(String.join("\n", batch) + "\n");
        if (!applied.stderr().isEmpty()) {
            throw new RouterAgentException("the uci batch rendered for /etc/config/dhcp fails: "
                    + String.join(" / ", applied.stderr()) + " (check any template given with --templates)");
        }
        OpenWrtHost host = OpenWrtHost.stockWithLan(inv.network().gateway() + "/" + inv.network().subnet().prefixLength());
        return new OpenwrtConfig(desired, base, batch, applied.config(), host);
    }

    /**
     * What {@code /etc/init.d/dnsmasq} generates from the resulting config; {@code localPaths} maps the
     * router paths of conf-file and conf-dir directives (identity keeps the router's).
     */
    public DnsmasqConfGenerator.Output dnsmasqConf(UnaryOperator<String> localPaths) {
        return new DnsmasqConfGenerator(host, localPaths).generateDefault(result);
    }

    /** Router files that the generated dnsmasq.conf reads at start ({@code conf-file=}), as OpenWrt ships them. */
    public static List<String> filesReadByDnsmasq() {
        return OpenWrtHost.STOCK_FILES.stream().sorted().toList();
    }

    /** {@code /etc/config/dhcp} as OpenWrt 23.05 ships it. */
    public static UciConfig stockDhcp() {
        try (InputStream in = OpenwrtConfig.class.getClassLoader().getResourceAsStream(STOCK)) {
            if (in == null) {
                throw new IllegalStateException(STOCK + " is missing from the class path; rebuild metalboot");
            }
            return UciConfig.parse("dhcp", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
