package io.metalboot.tftp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * File names resolved inside the served directory only: {@code ..}, absolute names, names over 255
 * characters and symlinks leading out are refused; directories are not files.
 */
final class TftpRoot {
    static final int MAX_NAME = 255;
    private final Path root;

    TftpRoot(Path root) throws IOException {
        this.root = root.toRealPath();
    }

    /** The file, or why it cannot be served (with the TFTP error code). */
    sealed interface Lookup permits Found, Refused {
    }

    record Found(Path file) implements Lookup {
    }

    record Refused(int code, String message) implements Lookup {
    }

    Lookup resolve(String name) {
        if (name.isEmpty() || name.length() > MAX_NAME) {
            return new Refused(Packets.ERR_ACCESS, "Access violation: file names are 1-" + MAX_NAME + " characters");
        }
        if (name.startsWith("/") || name.startsWith("\\") || name.contains("\0")) {
            return new Refused(Packets.ERR_ACCESS, "Access violation: absolute names are not served");
        }
        Path candidate;
        try {
            candidate = root.resolve(name).normalize();
        } catch (InvalidPathException e) {
            return new Refused(Packets.ERR_ACCESS, "Access violation: not a file name");
        }
        if (!candidate.startsWith(root) || name.contains("..")) {
            return new Refused(Packets.ERR_ACCESS, "Access violation: outside the served directory");
        }
        if (!Files.exists(candidate, LinkOption.NOFOLLOW_LINKS) && !Files.exists(candidate)) {
            return new Refused(Packets.ERR_NOT_FOUND, "File not found");
        }
        Optional<Path> real = real(candidate);
        if (real.isEmpty() || !real.get().startsWith(root)) {
            return new Refused(Packets.ERR_ACCESS, "Access violation: outside the served directory");
        }
        if (!Files.isRegularFile(real.get()) || !Files.isReadable(real.get())) {
            return new Refused(Packets.ERR_NOT_FOUND, "File not found");
        }
        return new Found(real.get());
    }

    private static Optional<Path> real(Path p) {
        try {
            return Optional.of(p.toRealPath());
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
