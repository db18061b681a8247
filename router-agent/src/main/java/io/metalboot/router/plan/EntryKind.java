package io.metalboot.router.plan;

import java.util.Optional;

/**
 * What a planned change is about. All but {@link #SETTING} are entries metalboot owns once it has
 * written (or adopted) them; settings are subnet-level values the inventory declares and metalboot
 * enforces without owning them.
 */
public enum EntryKind {
    /** A value the inventory declares (EdgeOS lease, pool, dns-server …; OpenWrt lan start/limit …). */
    SETTING("setting", Optional.empty()),
    /** EdgeOS {@code static-mapping NAME}, keyed by name. */
    STATIC_MAPPING("static-mapping", Optional.of("staticMappings")),
    /** One raw EdgeOS {@code global-parameters} value, keyed by the value as stored (with {@code &quot;}). */
    GLOBAL_PARAMETER("global-parameters", Optional.of("globalParameters")),
    /** One raw EdgeOS {@code subnet-parameters} value, keyed like {@link #GLOBAL_PARAMETER}. */
    SUBNET_PARAMETER("subnet-parameters", Optional.of("subnetParameters")),
    /** A named OpenWrt uci section of the dhcp package ({@code mb_kube_master}). */
    SECTION("section", Optional.of("sections")),
    /** A file metalboot uploads (include files, dnsmasq snippets), keyed by router path. */
    FILE("file", Optional.of("files"));

    private final String label;
    private final Optional<String> jsonField;

    EntryKind(String label, Optional<String> jsonField) {
        this.label = label;
        this.jsonField = jsonField;
    }

    /** How the diff names the entry ({@code static-mapping}). */
    public String label() {
        return label;
    }

    /** The field under {@code owned} in the state file; empty for settings, which are never owned. */
    public Optional<String> jsonField() {
        return jsonField;
    }
}
