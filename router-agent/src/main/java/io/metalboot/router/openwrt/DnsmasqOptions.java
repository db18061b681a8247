package io.metalboot.router.openwrt;

/**
 * The first part of {@code dnsmasq_start}: the {@code config dnsmasq} section's own options, in the
 * order the 23.05 script appends them, with its defaults (ubus on, bind-dynamic on, rebind
 * protection on, lease file /tmp/dhcp.leases, resolv file /tmp/resolv.conf.d/resolv.conf.auto).
 */
final class DnsmasqOptions {
    private static final String[][] BOOLS = {
        {"authoritative", "--dhcp-authoritative"}, {"nodaemon", "--no-daemon"}, {"domainneeded", "--domain-needed"},
        {"filterwin2k", "--filterwin2k"}, {"nohosts", "--no-hosts"}, {"nonegcache", "--no-negcache"},
        {"strictorder", "--strict-order"}, {"logqueries", "--log-queries=extra"}, {"noresolv", "--no-resolv"},
        {"localise_queries", "--localise-queries"}, {"readethers", "--read-ethers"}};
    private static final String[][] LATER_BOOLS = {
        {"fqdn", "--dhcp-fqdn"}, {"proxydnssec", "--proxy-dnssec"}, {"localservice", "--local-service"},
        {"logdhcp", "--log-dhcp"}, {"quietdhcp", "--quiet-dhcp"}, {"sequential_ip", "--dhcp-sequential-ip"},
        {"allservers", "--all-servers"}, {"noping", "--no-ping"}, {"rapidcommit", "--dhcp-rapid-commit"},
        {"scriptarp", "--script-arp"}, {"filter_aaaa", "--filter-AAAA"}, {"filter_a", "--filter-A"}};
    private static final String[][] PARMS = {
        {"logfacility", "--log-facility"}, {"cachesize", "--cache-size"}, {"dnsforwardmax", "--dns-forward-max"},
        {"port", "--port"}, {"ednspacket_max", "--edns-packet-max"}, {"dhcpleasemax", "--dhcp-lease-max"},
        {"queryport", "--query-port"}, {"minport", "--min-port"}, {"maxport", "--max-port"}, {"domain", "--domain"},
        {"local", "--local"}};
    private static final String[][] LATER_PARMS = {
        {"tftp_root", "--tftp-root"}, {"dhcp_boot", "--dhcp-boot"}, {"local_ttl", "--local-ttl"}, {"max_ttl", "--max-ttl"},
        {"min_cache_ttl", "--min-cache-ttl"}, {"max_cache_ttl", "--max-cache-ttl"}, {"pxe_prompt", "--pxe-prompt"},
        {"tftp_unique_root", "--tftp-unique-root"}};

    private DnsmasqOptions() {
    }

    static void instance(DnsmasqLines out, UciSection cfg, String instanceName, OpenWrtHost host) {
        for (String[] bool : BOOLS) {
            out.appendBool(cfg, bool[0], bool[1], false);
        }
        out.appendBool(cfg, "dbus", "--enable-dbus=uk.org.thekelleys." + instanceName, false);
        out.appendBool(cfg, "ubus", "--enable-ubus=" + instanceName, true);
        out.appendBool(cfg, "expandhosts", "--expand-hosts", false);
        if (!cfg.get("tftp_root").orElse("").isEmpty()) {
            out.appendBool(cfg, "enable_tftp", "--enable-tftp", false);
        }
        out.appendBool(cfg, "tftp_no_fail", "--tftp-no-fail", false);
        out.appendBool(cfg, "nonwildcard", "--bind-dynamic", true);
        for (String[] bool : LATER_BOOLS) {
            out.appendBool(cfg, bool[0], bool[1], false);
        }
        for (String[] parm : PARMS) {
            out.appendParm(cfg, parm[0], parm[1]);
        }
        out.appendList(cfg, "listen_address", "--listen-address");
        out.appendList(cfg, "server", "--server");
        out.appendList(cfg, "rev_server", "--rev-server");
        out.appendList(cfg, "address", "--address");
        if (!cfg.get("connmark_allowlist_enable").orElse("0").equals("0")) {
            out.appendParm(cfg, "connmark_allowlist_enable", "--connmark-allowlist-enable");
            out.appendList(cfg, "connmark_allowlist", "--connmark-allowlist");
        }
        cfg.list("interface").forEach(net -> out.add("--interface=" + device(host, net)));
        cfg.list("notinterface").forEach(net -> out.add("--except-interface=" + device(host, net)));
        out.add("--addn-hosts=" + (DnsmasqLines.bool(cfg, "ignore_hosts_dir", false) ? "/tmp/hosts/dhcp." + cfg.name() : "/tmp/hosts"));
        out.appendList(cfg, "addnhosts", "--addn-hosts");
        out.appendList(cfg, "bogusnxdomain", "--bogus-nxdomain");
        out.appendParm(cfg, "leasefile", "--dhcp-leasefile", "/tmp/dhcp.leases");
        out.appendParm(cfg, "serversfile", "--servers-file");
        for (String[] parm : LATER_PARMS) {
            out.appendParm(cfg, parm[0], parm[1]);
        }
        out.appendList(cfg, "pxe_service", "--pxe-service");
        out.appendList(cfg, "tag_if", "--tag-if");
        if (host.hotplugHandlers() || !cfg.get("dhcpscript").orElse("").isEmpty()) {
            out.add("--dhcp-script=/usr/lib/dnsmasq/dhcp-script.sh");
            out.add("--script-arp");
        }
        if (!DnsmasqLines.bool(cfg, "noresolv", false)) {
            out.add("--resolv-file=" + cfg.get("resolvfile").orElse("/tmp/resolv.conf.d/resolv.conf.auto"));
        }
        cfg.get("dhcphostsfile").filter(host.existingFiles()::contains).ifPresent(file -> out.add("--dhcp-hostsfile=" + file));
        if (DnsmasqLines.bool(cfg, "rebind_protection", true)) {
            out.message("DNS rebinding protection is active, will discard upstream RFC1918 responses!");
            out.add("--stop-dns-rebind");
            out.appendBool(cfg, "rebind_localhost", "--rebind-localhost-ok", false);
            out.appendList(cfg, "rebind_domain", "--rebind-domain-ok");
        }
        if (DnsmasqLines.bool(cfg, "dnssec", false)) {
            out.add("--conf-file=/usr/share/dnsmasq/trust-anchors.conf");
            out.add("--dnssec");
            if (!DnsmasqLines.bool(cfg, "dnsseccheckunsigned", true)) {
                out.add("--dnssec-check-unsigned=no");
            }
        }
        String addMac = cfg.get("addmac").orElse("0");
        if (!addMac.equals("0")) {
            out.add("--add-mac" + (addMac.equals("1") ? "" : "=" + addMac));
        }
        out.appendBool(cfg, "stripmac", "--strip-mac", false);
        out.appendParm(cfg, "addsubnet", "--add-subnet");
        out.appendBool(cfg, "stripsubnet", "--strip-subnet", false);
        DnsmasqSections sections = new DnsmasqSections(out, host);
        sections.options(cfg, "", "0");
        sections.options(cfg, "", "2");
        out.add("--dhcp-broadcast=tag:needs-broadcast");
    }

    /** {@code network_get_device ifname NET || ifname=NET}. */
    private static String device(OpenWrtHost host, String net) {
        OpenWrtHost.Interface iface = host.interfaces().get(net);
        return iface == null ? net : iface.device();
    }
}
