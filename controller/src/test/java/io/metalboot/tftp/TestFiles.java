package io.metalboot.tftp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;

/** Files for transfers: the real iPXE binaries when Debian's ipxe package is installed, else generated ones. */
final class TestFiles {
    private TestFiles() {
    }

    /** Writes {@code size} reproducible pseudo-random bytes to {@code dir/name}. */
    static Path generate(Path dir, String name, long size) {
        Path file = dir.resolve(name);
        Random random = new Random(size ^ name.hashCode());
        byte[] chunk = new byte[1 << 16];
        try (var out = Files.newOutputStream(file)) {
            for (long left = size; left > 0; left -= chunk.length) {
                random.nextBytes(chunk);
                out.write(chunk, 0, (int) Math.min(chunk.length, left));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /**
     * Puts undionly.kpxe and ipxe.efi into {@code root}: copies of /usr/lib/ipxe when present, else
     * generated files of their usual sizes (printed, so the substitution is visible).
     */
    static void ipxe(Path root) {
        try {
            for (String name : new String[] {"undionly.kpxe", "ipxe.efi"}) {
                Path real = IpxeFiles.DEBIAN.resolve(name);
                if (Files.isRegularFile(real)) {
                    Files.copy(real, root.resolve(name));
                } else {
                    System.out.println("NOTE: " + real + " missing (Debian package ipxe), using a generated " + name);
                    generate(root, name, name.endsWith(".kpxe") ? 74_213 : 1_048_576 + 77);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(Path file) {
        try {
            return sha256(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
