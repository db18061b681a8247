package io.metalboot.router.openwrt;

import io.metalboot.router.RouterAgentException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The init script's {@code xappend} and its helpers ({@code append_bool}, {@code append_parm},
 * {@code config_get_bool}): one directive per line without the leading {@code --}, dropped when
 * {@code dnsmasq_ignore_opt} says the binary lacks the feature. Path-valued directives go through
 * the caller's path mapping so the file can be checked on another machine.
 */
final class DnsmasqLines {
    private static final Set<String> PATH_OPTIONS = Set.of("conf-file", "conf-dir", "addn-hosts", "dhcp-leasefile",
            "resolv-file", "dhcp-hostsfile", "dhcp-script", "servers-file", "tftp-root");
    private static final Set<String> TRUE = Set.of("1", "on", "true", "yes", "enabled");
    private static final Set<String> FALSE = Set.of("0", "off", "false", "no", "disabled");

    private final List<String> lines = new ArrayList<>();
    private final List<String> messages = new ArrayList<>();
    private final OpenWrtHost host;
    private final UnaryOperator<String> localPaths;

    DnsmasqLines(OpenWrtHost host, UnaryOperator<String> localPaths) {
        this.host = host;
        this.localPaths = localPaths;
    }

    void add(String directive) {
        String value = directive.startsWith("--") ? directive.substring(2) : directive;
        int equals = value.indexOf('=');
        String option = equals < 0 ? value : value.substring(0, equals);
        if (ignored(option)) {
            return;
        }
        if (equals >= 0 && PATH_OPTIONS.contains(option)) {
            String argument = value.substring(equals + 1);
            int comma = argument.indexOf(',');
            String path = comma < 0 ? argument : argument.substring(0, comma);
            value = option + "=" + localPaths.apply(path) + (comma < 0 ? "" : argument.substring(comma));
        }
        lines.add(value);
    }

    void blank() {
        lines.add("");
    }

    /** A line the script prints on stderr or to the log ({@code logger -t dnsmasq}). */
    void message(String text) {
        messages.add(text);
    }

    List<String> messages() {
        return List.copyOf(messages);
    }

    /** {@code dnsmasq_ignore_opt}: options of features the binary was built without. */
    private boolean ignored(String option) {
        if (option.equals("dhcp-duid") || option.equals("ra-param")) {
            return !host.has("DHCPv6");
        }
        if (option.startsWith("dhcp-") || option.startsWith("bootp-") || option.startsWith("pxe-")) {
            return !host.has("DHCP");
        }
        if (option.startsWith("dnssec") || option.equals("trust-anchor")) {
            if (!host.has("DNSSEC")) {
                throw new RouterAgentException("dnsmasq: \"" + option + "\" requested, but dnssec support is not available"
                        + " (the init script exits 1 and dnsmasq does not start; install dnsmasq-full or set dnssec '0')");
            }
            return false;
        }
        if (option.startsWith("tftp-")) {
            return !host.has("TFTP");
        }
        if (option.equals("ipset") || option.equals("nftset")) {
            return !host.has(option);
        }
        return false;
    }

    /** {@code config_get_bool}: 1/on/true/yes/enabled and 0/off/false/no/disabled (case matters), else the default. */
    static boolean bool(UciSection section, String option, boolean fallback) {
        Optional<String> value = section.get(option);
        if (value.isEmpty()) {
            return fallback;
        }
        return TRUE.contains(value.get()) || (!FALSE.contains(value.get()) && fallback);
    }

    void appendBool(UciSection section, String option, String directive, boolean fallback) {
        if (bool(section, option, fallback)) {
            add(directive);
        }
    }

    void appendParm(UciSection section, String option, String directive) {
        section.get(option).filter(value -> !value.isEmpty()).ifPresent(value -> add(directive + "=" + value));
    }

    void appendParm(UciSection section, String option, String directive, String fallback) {
        String value = section.get(option).orElse(fallback);
        if (!value.isEmpty()) {
            add(directive + "=" + value);
        }
    }

    void appendList(UciSection section, String option, String directive) {
        section.list(option).forEach(item -> add(directive + "=" + item));
    }

    String text() {
        StringBuilder out = new StringBuilder("# auto-generated config file from /etc/config/dhcp\n");
        lines.forEach(line -> out.append(line).append('\n'));
        return out.toString();
    }
}
