package io.metalboot.router.plan;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The router kinds metalboot manages (the inventory's {@code router.kind}, the agent's dialects and
 * the simulators all use this one type), with the default SSH user and where metalboot keeps its own files on each: the state
 * file ({@code state.json}, see {@link Ownership}) and the lock directory, both in a directory that
 * survives reboots and firmware upgrades.
 */
public enum RouterKind {
    EDGEOS("edgeos", "ubnt", "/config/metalboot", List.of(EntryKind.STATIC_MAPPING, EntryKind.GLOBAL_PARAMETER,
            EntryKind.SUBNET_PARAMETER, EntryKind.FILE)),
    OPENWRT("openwrt", "root", "/etc/metalboot", List.of(EntryKind.SECTION, EntryKind.FILE)),
    /** No router access: metalboot never connects to the router; machines boot through {@code serve --proxy-dhcp}. */
    NONE("none", "", "", List.of());

    private final String label;
    private final String defaultUser;
    private final String stateDir;
    private final List<EntryKind> ownable;

    RouterKind(String label, String defaultUser, String stateDir, List<EntryKind> ownable) {
        this.label = label;
        this.defaultUser = defaultUser;
        this.stateDir = stateDir;
        this.ownable = ownable;
    }

    /** {@code edgeos} / {@code openwrt}, as the inventory and the state file spell it. */
    public String label() {
        return label;
    }

    /** The SSH user when the inventory names none: the firmware's administrator. */
    public String defaultUser() {
        return defaultUser;
    }

    /** The directory of metalboot's state file, lock and backups on the router. */
    public String stateDir() {
        return stateDir;
    }

    public String stateFile() {
        return stateDir + "/state.json";
    }

    /** The lock directory (created with an atomic {@code mkdir}); its {@code owner} file says who holds it. */
    public String lockDir() {
        return stateDir + "/lock";
    }

    /** The entry kinds metalboot can own on this router kind, in state-file order. */
    public List<EntryKind> ownable() {
        return ownable;
    }

    /** Whether metalboot manages this router over SSH (every kind but {@link #NONE}). */
    public boolean managed() {
        return this != NONE;
    }

    /** The kinds metalboot manages over SSH, in declaration order. */
    public static List<RouterKind> managedKinds() {
        return Arrays.stream(values()).filter(RouterKind::managed).toList();
    }

    /** Every kind's label, in declaration order. */
    public static List<String> labels() {
        return Arrays.stream(values()).map(RouterKind::label).toList();
    }

    public static Optional<RouterKind> ofLabel(String label) {
        return Arrays.stream(values()).filter(kind -> kind.label.equals(label)).findFirst();
    }
}
