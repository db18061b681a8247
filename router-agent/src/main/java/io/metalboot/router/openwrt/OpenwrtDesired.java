package io.metalboot.router.openwrt;

import io.metalboot.router.RouterAgentException;
import io.metalboot.router.dialect.Desired;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What metalboot wants in an OpenWrt router's dhcp package, as the controller renders it: named
 * sections, where those named {@code mb_*} are metalboot's entries (host, match, userclass, boot, in
 * the order dnsmasq must see them) and any other named section ({@code lan}) lists settings to
 * enforce on the router's existing section of that name; plus snippet files by router path.
 */
public record OpenwrtDesired(UciConfig config, Map<String, String> files) implements Desired {
    /** The prefix of every section metalboot owns. */
    public static final String PREFIX = "mb_";

    public OpenwrtDesired {
        files = Collections.unmodifiableMap(new TreeMap<>(files));
        if (!config.packageName().equals("dhcp")) {
            throw new RouterAgentException("the desired uci package is '" + config.packageName() + "' (expected dhcp)");
        }
        for (UciSection section : config.sections()) {
            if (section.anonymous()) {
                throw new RouterAgentException("desired section 'config " + section.type() + "' has no name;"
                        + " give it one (config " + section.type() + " 'mb_…') so metalboot can find it again");
            }
        }
    }

    /** metalboot's sections, in order. */
    public List<UciSection> entries() {
        return config.sections().stream().filter(section -> section.name().startsWith(PREFIX)).toList();
    }

    /** Sections whose listed options are enforced on the router's section of the same name ({@code lan}). */
    public List<UciSection> settings() {
        return config.sections().stream().filter(section -> !section.name().startsWith(PREFIX)).toList();
    }
}
