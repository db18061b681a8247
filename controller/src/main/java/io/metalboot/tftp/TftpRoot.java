package io.metalboot.tftp;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.commons.net.tftp.TFTPErrorPacket;

/**
 * Resolves requested names inside the served directory and nowhere else: no {@code ..}, no absolute
 * paths, no symbolic link whose target lies outside, no over-long or non-printable names.
 */
final class TftpRoot {
    static final int MAX_NAME_LENGTH = 255;
    /** netascii is converted in memory; boot files are sent in octet mode anyway. */
    static final long MAX_NETASCII_SIZE = 16L << 20;

    private final Path root;

    TftpRoot(Path root) {
        this.root = root;
    }

    /** Opens {@code name} for sending, or throws {@link Refused} with the error to send back. */
    Source open(String name, boolean netascii) {
        Path file = resolve(name);
        try {
            if (netascii) {
                if (Files.size(file) > MAX_NETASCII_SIZE) {
                    throw new Refused(TFTPErrorPacket.UNDEFINED, name + " is larger than 16 MiB; request it in octet mode");
                }
                return Source.of(Source.netascii(Files.readAllBytes(file)));
            }
            return Source.of(FileChannel.open(file, StandardOpenOption.READ));
        } catch (NoSuchFileException e) {
            throw new Refused(TFTPErrorPacket.FILE_NOT_FOUND, "file not found: " + name);
        } catch (AccessDeniedException e) {
            throw new Refused(TFTPErrorPacket.ACCESS_VIOLATION, "cannot read " + name);
        } catch (IOException e) {
            throw new Refused(TFTPErrorPacket.UNDEFINED, "cannot read " + name + ": " + e.getMessage());
        }
    }

    /** The real path of {@code name} inside the root; throws {@link Refused} when it is not allowed. */
    Path resolve(String name) {
        if (name.isEmpty()) {
            throw denied("empty file name");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw denied("file name longer than " + MAX_NAME_LENGTH + " characters");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                throw denied("file name has a character outside printable ASCII");
            }
        }
        if (name.startsWith("/")) {
            throw denied("absolute path " + name + " (ask for a name relative to the TFTP root)");
        }
        if (name.indexOf('\\') >= 0) {
            throw denied("backslash in file name " + name);
        }
        for (String part : name.split("/", -1)) {
            if (part.equals("..")) {
                throw denied(".. in file name " + name);
            }
        }
        Path file = root.resolve(name).normalize();
        if (!file.startsWith(root)) {
            throw denied(name + " is outside the TFTP root");
        }
        Path real;
        Path realRoot;
        try {
            realRoot = root.toRealPath();
            real = file.toRealPath();
        } catch (NoSuchFileException e) {
            throw new Refused(TFTPErrorPacket.FILE_NOT_FOUND, "file not found: " + name);
        } catch (IOException e) {
            throw new Refused(TFTPErrorPacket.ACCESS_VIOLATION, "cannot read " + name);
        }
        if (!real.startsWith(realRoot)) {
            throw denied(name + " leads outside the TFTP root");
        }
        if (!Files.isRegularFile(real)) {
            throw new Refused(TFTPErrorPacket.FILE_NOT_FOUND, "not a file: " + name);
        }
        return real;
    }

    private static Refused denied(String why) {
        return new Refused(TFTPErrorPacket.ACCESS_VIOLATION, "access violation: " + why);
    }
}
