package io.metalboot.boot;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A matchbox profile ({@code profiles/*.json}): what a machine boots (kernel, initrds, kernel
 * arguments) and the ids of its Ignition and generic templates. The arguments come from matchbox's
 * {@code boot.args} list or from the {@code boot.cmdline} map of bootcfg-era profiles (as
 * {@code key=value}, or {@code key} alone for an empty value, in key order).
 */
public record Profile(String id, String name, String kernel, List<String> initrd, List<String> args, Optional<String> ignitionId,
        Optional<String> genericId, Path file) {
    public Profile {
        initrd = List.copyOf(initrd);
        args = List.copyOf(args);
    }
}
