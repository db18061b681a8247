package io.metalboot.bootarch;

import io.metalboot.bootarch.BootArch.Cpu;
import java.util.Set;

/**
 * Which processors an OS has PXE images for, hence an install profile: Flatcar publishes
 * {@code amd64-usr} and {@code arm64-usr}; the seed's CoreOS 1053 only amd64.
 */
public final class OsImages {
    private OsImages() {
    }

    public static Set<Cpu> cpus(String osKind) {
        return osKind.equals("flatcar") ? Set.of(Cpu.AMD64, Cpu.ARM64) : Set.of(Cpu.AMD64);
    }

    /** Flatcar's board name for a processor: the directory of its images on the release server. */
    public static String flatcarBoard(Cpu cpu) {
        return cpu.label() + "-usr";
    }
}
