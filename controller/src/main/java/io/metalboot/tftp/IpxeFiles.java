package io.metalboot.tftp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Fills {@code DATA/tftpboot} with the iPXE binaries PXE firmware chainloads: {@code undionly.kpxe}
 * (BIOS), {@code ipxe.efi} and {@code snponly.efi} (UEFI). They come from Debian's {@code ipxe}
 * package by default, never replacing a file already there (it may be a custom build); from a
 * directory the user names, they replace what is there.
 */
public final class IpxeFiles {
    /** Where Debian's {@code ipxe} package installs them. */
    public static final Path DEBIAN = Path.of("/usr/lib/ipxe");
    public static final List<String> NAMES = List.of("undionly.kpxe", "ipxe.efi", "snponly.efi");

    /** What {@link #populate} did, file by file, for the user to read. */
    public record Report(List<String> copied, List<String> kept, List<String> missing) {
        public Report {
            copied = List.copyOf(copied);
            kept = List.copyOf(kept);
            missing = List.copyOf(missing);
        }
    }

    private IpxeFiles() {
    }

    /**
     * Copies the binaries into {@code tftpboot} (created if needed) from {@code from}, or from
     * {@code debian} (normally {@link #DEBIAN}) when no directory is given.
     */
    public static Report populate(Path tftpboot, Optional<Path> from, Path debian) {
        if (from.isPresent() && !Files.isDirectory(from.get())) {
            throw new TftpException("--ipxe-from " + from.get() + " is not a directory; give the directory that"
                    + " holds undionly.kpxe and ipxe.efi (Debian's ipxe package puts them in " + DEBIAN + ")");
        }
        Path source = from.orElse(debian);
        boolean replace = from.isPresent();
        List<String> copied = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        try {
            Files.createDirectories(tftpboot);
            for (String name : NAMES) {
                Path in = source.resolve(name);
                Path out = tftpboot.resolve(name);
                if (Files.isRegularFile(out) && !replace) {
                    kept.add(name);
                } else if (Files.isRegularFile(in)) {
                    Path partial = tftpboot.resolve("." + name + ".partial");
                    Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
                    Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    copied.add(name);
                } else if (Files.isRegularFile(out)) {
                    kept.add(name);
                } else {
                    missing.add(name);
                }
            }
        } catch (IOException e) {
            throw new TftpException("cannot copy the iPXE files from " + source + " into " + tftpboot + ": " + e
                    + " (check that the directory is writable)", e);
        }
        if (from.isPresent() && copied.isEmpty()) {
            throw new TftpException("--ipxe-from " + from.get() + " holds none of " + String.join(", ", NAMES)
                    + "; give the directory with the iPXE binaries (e.g. " + DEBIAN + ")");
        }
        return new Report(copied, kept, missing);
    }
}
