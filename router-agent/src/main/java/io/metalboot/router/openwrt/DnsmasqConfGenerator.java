package io.metalboot.router.openwrt;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * What OpenWrt 23.05's {@code /etc/init.d/dnsmasq} writes to {@code /var/etc/dnsmasq.conf.<instance>}
 * for each enabled {@code config dnsmasq} section of the {@code dhcp} package, in the script's order:
 * the instance's own options, the hosts, the boot/match/class sections, the DHCP ranges of the
 * {@code config dhcp} interfaces, cnames. Sections with an {@code instance} option go only to that
 * instance. Path-valued directives can be mapped to local paths (the default keeps the router's) so
 * the output can be checked with {@code dnsmasq --test} elsewhere.
 */
public final class DnsmasqConfGenerator {

    /** One generated file: the instance (section name), its path on the router, content and the script's messages. */
    public record Output(String instance, String path, String content, List<String> messages) {
        public Output {
            messages = List.copyOf(messages);
        }
    }

    private final OpenWrtHost host;
    private final UnaryOperator<String> localPaths;

    public DnsmasqConfGenerator(OpenWrtHost host) {
        this(host, UnaryOperator.identity());
    }

    /** {@code localPaths} maps router paths in conf-file, conf-dir, addn-hosts, … directives to local ones. */
    public DnsmasqConfGenerator(OpenWrtHost host, UnaryOperator<String> localPaths) {
        this.host = host;
        this.localPaths = localPaths;
    }

    /** One file per enabled dnsmasq section, in section order. */
    public List<Output> generate(UciConfig dhcp) {
        String defaultInstance = defaultInstance(dhcp);
        List<Output> outputs = new ArrayList<>();
        for (UciSection section : dhcp.sections("dnsmasq")) {
            if (!DnsmasqLines.bool(section, "disabled", false)) {
                outputs.add(instance(dhcp, section, section.name().equals(defaultInstance)));
            }
        }
        return outputs;
    }

    /** The file of the default instance (the first enabled unnamed dnsmasq section). */
    public Output generateDefault(UciConfig dhcp) {
        return generate(dhcp).stream().filter(output -> output.instance().equals(defaultInstance(dhcp))).findFirst()
                .orElseThrow(() -> new io.metalboot.router.RouterAgentException("the dhcp package has no enabled"
                        + " 'config dnsmasq' section, so /etc/init.d/dnsmasq starts nothing (add one, e.g. from the stock file)"));
    }

    /** First enabled anonymous dnsmasq section, else the first enabled named one. */
    private static String defaultInstance(UciConfig dhcp) {
        List<UciSection> enabled = dhcp.sections("dnsmasq").stream()
                .filter(section -> !DnsmasqLines.bool(section, "disabled", false)).toList();
        return enabled.stream().filter(UciSection::anonymous).findFirst()
                .or(() -> enabled.stream().findFirst()).map(UciSection::name).orElse("");
    }

    private Output instance(UciConfig dhcp, UciSection cfg, boolean isDefault) {
        DnsmasqLines out = new DnsmasqLines(host, localPaths);
        String name = cfg.name();
        String instanceName = isDefault ? "dnsmasq" : "dnsmasq." + name;
        String ownConf = "/etc/dnsmasq." + name + ".conf";
        String confFile = host.existingFiles().contains(ownConf) ? ownConf : "/etc/dnsmasq.conf";
        if (host.existingFiles().contains(confFile)) {
            out.add("--conf-file=" + confFile);
        }
        DnsmasqOptions.instance(out, cfg, instanceName, host);
        out.add("--conf-dir=" + cfg.get("confdir").orElse("/tmp/dnsmasq.d"));
        out.add("--user=dnsmasq");
        out.add("--group=dnsmasq");
        out.blank();
        DnsmasqSections sections = new DnsmasqSections(out, host);
        each(dhcp, "host", name, sections::host);
        out.blank();
        if (DnsmasqLines.bool(cfg, "dhcpbogushostname", true)) {
            out.add("--dhcp-ignore-names=tag:dhcp_bogus_hostname");
            String bogus = "/usr/share/dnsmasq/dhcpbogushostname.conf";
            if (host.existingFiles().contains(bogus)) {
                out.add("--conf-file=" + bogus);
            }
        }
        each(dhcp, "boot", name, sections::boot);
        each(dhcp, "mac", name, sections::mac);
        each(dhcp, "tag", name, sections::tag);
        each(dhcp, "vendorclass", name, s -> sections.classifier(s, "vendorclass", "dhcp-vendorclass"));
        each(dhcp, "userclass", name, s -> sections.classifier(s, "userclass", "dhcp-userclass"));
        each(dhcp, "circuitid", name, s -> sections.classifier(s, "circuitid", "dhcp-circuitid"));
        each(dhcp, "remoteid", name, s -> sections.classifier(s, "remoteid", "dhcp-remoteid"));
        each(dhcp, "subscrid", name, s -> sections.classifier(s, "subscriberid", "dhcp-subscrid"));
        each(dhcp, "match", name, s -> sections.classifier(s, "match", "dhcp-match"));
        each(dhcp, "hostrecord", name, sections::hostRecord);
        each(dhcp, "relay", name, sections::relay);
        out.blank();
        each(dhcp, "srvhost", name, sections::srvHost);
        each(dhcp, "mxhost", name, sections::mxHost);
        out.blank();
        if (DnsmasqLines.bool(cfg, "boguspriv", true)) {
            out.add("--bogus-priv");
            String rfc6761 = "/usr/share/dnsmasq/rfc6761.conf";
            if (host.existingFiles().contains(rfc6761)) {
                out.add("--conf-file=" + rfc6761);
            }
        }
        if (dhcpVersion(dhcp) > 0) {
            String domain = cfg.get("domain").orElse("");
            String localFqdn = cfg.get("add_local_fqdn").orElse(DnsmasqLines.bool(cfg, "add_local_hostname", true) ? "1" : "0");
            each(dhcp, "dhcp", name, s -> sections.dhcp(s, domain, localFqdn));
        }
        out.blank();
        each(dhcp, "cname", name, sections::cname);
        out.blank();
        out.blank();
        out.blank();
        return new Output(name, "/var/etc/dnsmasq.conf." + name, out.text(), out.messages());
    }

    /** {@code DNSMASQ_DHCP_VER}: 0 when odhcpd is the main DHCP server, else 4 (DHCPv4 in dnsmasq). */
    private int dhcpVersion(UciConfig dhcp) {
        if (!host.odhcpdEnabled()) {
            return 4;
        }
        Optional<UciSection> odhcpd = dhcp.section("odhcpd");
        boolean main = odhcpd.flatMap(section -> section.get("maindhcp")).map(value -> !value.equals("0")).orElse(false);
        return main ? 0 : 4;
    }

    /** {@code config_foreach filter_dnsmasq TYPE FUNC CFG}: sections without an instance or for this one. */
    private static void each(UciConfig dhcp, String type, String instance, Consumer<UciSection> handler) {
        for (UciSection section : dhcp.sections(type)) {
            Optional<String> wanted = section.get("instance");
            if (wanted.isEmpty() || wanted.get().isEmpty() || wanted.get().equals(instance)) {
                handler.accept(section);
            }
        }
    }
}
