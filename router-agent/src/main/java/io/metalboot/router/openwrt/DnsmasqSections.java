package io.metalboot.router.openwrt;

import io.metalboot.router.Ipv4Address;
import io.metalboot.router.Ipv4Subnet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The per-section functions of dnsmasq.init (OpenWrt 23.05): {@code dhcp_host_add},
 * {@code dhcp_boot_add}, the class/match functions, {@code dhcp_add} with the range computed from
 * start/limit inside the interface's network, and {@code dhcp_option_add}. Their quirks are kept:
 * match/userclass prepend {@code set:} themselves (a networkid of {@code set:x} becomes
 * {@code set:set:x}); a boot section with a server address but no server name is dropped;
 * {@code dhcp-mac} keeps the bare networkid.
 */
final class DnsmasqSections {
    private final DnsmasqLines out;
    private final OpenWrtHost host;

    DnsmasqSections(DnsmasqLines out, OpenWrtHost host) {
        this.out = out;
        this.host = host;
    }

    /** {@code dhcp_option_add}: {@code force} is "" / "1" for -force, "2" reads dhcp_option_force. */
    void options(UciSection section, String networkId, String force) {
        String option = force.equals("2") ? "dhcp_option_force" : "dhcp_option";
        String suffix = force.isEmpty() || force.equals("0") ? "" : "-force";
        String prefix = networkId.isEmpty() ? "" : networkId + ",";
        Optional<UciValue> value = section.option(option);
        if (value.isEmpty()) {
            return;
        }
        List<String> items = value.get().items();
        if (value.get() instanceof UciValue.StringValue string) {
            out.message("Warning: the 'option " + option + "' syntax is deprecated, use 'list " + option + "'");
            items = words(string.value());
        }
        items.forEach(item -> out.add("--dhcp-option" + suffix + "=" + prefix + item));
    }

    private static String force(UciSection section) {
        return DnsmasqLines.bool(section, "force", false) ? "1" : "0";
    }

    private static List<String> words(String text) {
        return text.isBlank() ? List.of() : List.of(text.strip().split("\\s+"));
    }

    void host(UciSection section) {
        String networkId = section.get("networkid").orElse("");
        if (!networkId.isEmpty()) {
            options(section, networkId, force(section));
        }
        if (!DnsmasqLines.bool(section, "enable", true)) {
            return;
        }
        String name = section.get("name").orElse("");
        String ip = section.get("ip").orElse("");
        if (ip.isEmpty() && name.isEmpty() && section.get("hostid").orElse("").isEmpty()) {
            return;
        }
        StringBuilder matchTags = new StringBuilder();
        section.list("match_tag").forEach(tag -> matchTags.append("tag:").append(tag).append(','));
        String macs = String.join(",", words(section.get("mac").orElse("")));
        if (macs.isEmpty()) {
            if (name.isEmpty()) {
                return;
            }
            macs = name;
            name = "";
        }
        String tags = String.join(",set:", words(section.get("tag").orElse("")));
        String hostTag = (networkId.isEmpty() ? "" : ",set:" + networkId) + (tags.isEmpty() ? "" : ",set:" + tags)
                + (DnsmasqLines.bool(section, "broadcast", false) ? ",set:needs-broadcast" : "");
        String leaseTime = section.get("leasetime").orElse("");
        out.add("--dhcp-host=" + matchTags + macs + hostTag + (ip.isEmpty() ? "" : "," + ip)
                + (name.isEmpty() ? "" : "," + name) + (leaseTime.isEmpty() ? "" : "," + leaseTime));
    }

    void boot(UciSection section) {
        String networkId = section.get("networkid").orElse("");
        String filename = section.get("filename").orElse("");
        String serverName = section.get("servername").orElse("");
        String serverAddress = section.get("serveraddress").orElse("");
        if (filename.isEmpty() || (!serverAddress.isEmpty() && serverName.isEmpty())) {
            return;
        }
        out.add("--dhcp-boot=" + (networkId.isEmpty() ? "" : "tag:" + networkId + ",") + filename
                + (serverName.isEmpty() ? "" : "," + serverName) + (serverAddress.isEmpty() ? "" : "," + serverAddress));
        options(section, networkId, force(section));
    }

    void mac(UciSection section) {
        String networkId = section.get("networkid").orElse("");
        String mac = section.get("mac").orElse("");
        if (!networkId.isEmpty() && !mac.isEmpty()) {
            out.add("--dhcp-mac=" + networkId + "," + mac);
            options(section, networkId, "");
        }
    }

    void tag(UciSection section) {
        String suffix = DnsmasqLines.bool(section, "force", false) ? "-force" : "";
        words(section.get("dhcp_option").orElse(""))
                .forEach(option -> out.add("--dhcp-option" + suffix + "=tag:" + section.name() + "," + option));
    }

    /** vendorclass, userclass, circuitid, remoteid, subscrid, match: {@code --dhcp-X=set:NETWORKID,VALUE}. */
    void classifier(UciSection section, String valueOption, String directive) {
        String networkId = section.get("networkid").orElse("");
        String value = section.get(valueOption).orElse("");
        if (networkId.isEmpty() || value.isEmpty()) {
            return;
        }
        out.add("--" + directive + "=set:" + networkId + "," + value);
        options(section, networkId, force(section));
    }

    void hostRecord(UciSection section) {
        List<String> values = new ArrayList<>(words(section.get("name").orElse("")));
        List<String> addresses = words(section.get("ip").orElse(""));
        if (!values.isEmpty() && !addresses.isEmpty()) {
            values.addAll(addresses);
            out.add("--host-record=" + String.join(",", values));
        }
    }

    void relay(UciSection section) {
        String local = section.get("local_addr").orElse("");
        String server = section.get("server_addr").orElse("");
        if (local.isEmpty() || server.isEmpty()) {
            return;
        }
        Optional<String> network = section.get("interface");
        if (network.isEmpty()) {
            out.add("--dhcp-relay=" + local + "," + server);
        } else if (host.interfaces().containsKey(network.get())) {
            out.add("--dhcp-relay=" + local + "," + server + "," + host.interfaces().get(network.get()).device());
        }
    }

    void srvHost(UciSection section) {
        String srv = section.get("srv").orElse("");
        String target = section.get("target").orElse("");
        String port = section.get("port").orElse("");
        if (srv.isEmpty() || target.isEmpty() || port.isEmpty()) {
            return;
        }
        String weight = section.get("weight").map(w -> "," + w).orElse("");
        String classAndWeight = section.get("class").map(c -> "," + c + weight).orElse("");
        out.add("--srv-host=" + srv + "," + target + "," + port + classAndWeight);
    }

    void mxHost(UciSection section) {
        String domain = section.get("domain").orElse("");
        String relay = section.get("relay").orElse("");
        if (!domain.isEmpty() && !relay.isEmpty()) {
            out.add("--mx-host=" + domain + "," + relay + "," + section.get("pref").orElse("0"));
        }
    }

    void cname(UciSection section) {
        String cname = section.get("cname").orElse("");
        String target = section.get("target").orElse("");
        if (!cname.isEmpty() && !target.isEmpty()) {
            out.add("--cname=" + cname + "," + target);
        }
    }

    /** {@code dhcp_add} for DHCPv4 (odhcpd serves DHCPv6/RA on a stock image). */
    void dhcp(UciSection section, String domain, String localFqdnMode) {
        String net = section.get("interface").orElse("");
        OpenWrtHost.Interface iface = host.interfaces().get(net);
        if (net.isEmpty() || iface == null) {
            return;
        }
        String networkId = section.get("networkid").filter(id -> !id.isEmpty()).orElse(net);
        String ifname = iface.device();
        if (DnsmasqLines.bool(section, "ignore", false)) {
            out.add("--no-dhcp-interface=" + ifname);
            return; // dhcp_this_host_add with add_wan_fqdn (default 0) adds nothing
        }
        if (iface.address().isEmpty() || !iface.proto().equals("static")) {
            return;
        }
        if (!DnsmasqLines.bool(section, "force", false) && host.interfacesWithForeignDhcp().contains(net)) {
            out.message("found already running DHCP-server on interface '" + ifname + "' refusing to start,"
                    + " use 'option force 1' to override");
            return;
        }
        section.list("interface_name").forEach(name -> out.add("--interface-name=" + name + "," + ifname));
        thisHost(ifname, domain, localFqdnMode);
        Ipv4Subnet subnet = iface.address().get();
        Ipv4Address netmask = section.get("netmask").flatMap(Ipv4Address::tryParse)
                .orElse(subnet.netmask());
        Optional<String[]> range = DhcpRange.compute(subnet.address(), netmask, section.get("start").orElse("100"),
                section.get("limit").orElse("150"));
        StringBuilder tags = new StringBuilder();
        section.list("tag").forEach(tag -> tags.append("tag:").append(tag).append(','));
        if (!section.get("dhcpv4").orElse("").equals("disabled") && range.isPresent()) {
            boolean dynamic = DnsmasqLines.bool(section, "dynamicdhcpv4", DnsmasqLines.bool(section, "dynamicdhcp", true));
            String options = section.get("options").map(o -> " " + o).orElse("");
            out.add("--dhcp-range=" + tags + "set:" + networkId + "," + range.get()[0] + "," + (dynamic ? range.get()[1] : "static")
                    + "," + range.get()[2] + "," + section.get("leasetime").orElse("12h") + options);
        }
        options(section, networkId, "0");
        options(section, networkId, "2");
    }

    /** {@code dhcp_this_host_add}: modes 2–4 name the router on the interface; mode 1 only writes the hosts file. */
    private void thisHost(String ifname, String domain, String mode) {
        int level = mode.matches("\\d+") ? Integer.parseInt(mode) : 0;
        if (level > 3) {
            out.add("--interface-name=" + ifname.replace('.', '-') + "." + host.hostname() + "." + domain + "," + ifname);
        }
        if (level > 2) {
            out.add("--interface-name=" + host.hostname() + "." + domain + "," + ifname);
        }
        if (level > 1) {
            out.add("--interface-name=" + host.hostname() + "," + ifname);
        }
    }
}
