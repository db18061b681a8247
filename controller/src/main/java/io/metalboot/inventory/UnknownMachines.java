package io.metalboot.inventory;

import java.util.Locale;
import java.util.Optional;

/**
 * {@code bootServer.unknownMachines}: what a boot server does for a machine whose MAC no group selects
 * by MAC (a machine the inventory does not list). Read by every server that answers boot requests.
 */
public enum UnknownMachines {
    /** The catch-all install group answers as for any machine: the machine is installed (wiped). */
    INSTALL,
    /** A small iPXE script reports the machine and exits to the next boot device; nothing is installed. */
    DISCOVER,
    /** An iPXE script that only exits to the next boot device; the machine is not recorded. */
    IGNORE;

    /** The default: nothing is booted that the user did not decide. */
    public static final UnknownMachines DEFAULT = DISCOVER;

    /** {@code install}, {@code discover} or {@code ignore}, any case. */
    public static Optional<UnknownMachines> parse(String text) {
        for (UnknownMachines u : values()) {
            if (u.word().equals(text.toLowerCase(Locale.ROOT))) {
                return Optional.of(u);
            }
        }
        return Optional.empty();
    }

    /** How the inventory spells it. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
