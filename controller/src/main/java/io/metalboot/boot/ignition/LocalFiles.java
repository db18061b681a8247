package io.metalboot.boot.ignition;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import io.metalboot.pki.CaKeys;
import java.util.Set;
import java.nio.file.LinkOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Butane's {@code contents.local}: a file under one directory (Butane's {@code --files-dir}; for
 * the boot server, the data dir), read on every request so a renewed certificate is served at once.
 * A path may not leave the directory, and a CA's private key is never embedded: a node's Ignition
 * carries its own keys and the CA certificate, nothing that can sign for the cluster.
 */
public final class LocalFiles {
    /** Contents larger than this are not inlined into Ignition (use {@code source:} with a URL). */
    static final long MAX_BYTES = 4L << 20;
    public static final LocalFiles NONE = new LocalFiles(Optional.empty());

    private final Optional<Path> root;
    private Path realRoot;
    /**
     * Every file read, and each directory searched for CA certificates, once each (by path), so a cached translation can
     * tell it is still current. A directory, not each file in it: a pki/ of 500 machines holds thousands of files, and
     * stamping each of them for each key made every cached answer hold (and check) hundreds of thousands of stamps.
     */
    private final java.util.Map<Path, FileStamp> read = new java.util.LinkedHashMap<>();
    /** The CA certificates found in each set of directories this translation searched. */
    private final java.util.Map<List<Path>, List<CaKeys.CaCert>> scans = new java.util.HashMap<>();

    private LocalFiles(Optional<Path> root) {
        this.root = root;
    }

    /** Reads under {@code root}; one instance per translation (it records what it read). */
    public static LocalFiles under(Path root) {
        return new LocalFiles(Optional.of(root));
    }

    /** What this translation read, in order. */
    public List<FileStamp> read() {
        return List.copyOf(read.values());
    }

    /**
     * A file as it was when read: link or not, size, modification time and inode; a rewrite (even an atomic rename)
     * changes it. For a directory the time is its entries' last change: a file added, removed or renamed in it.
     */
    public record FileStamp(Path path, boolean link, boolean directory, long size, FileTime modified, Object inode) {
        static FileStamp of(Path path) throws IOException {
            BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return new FileStamp(path, a.isSymbolicLink(), a.isDirectory(), a.size(), a.lastModifiedTime(), a.fileKey());
        }

        /** The directory whose changes make this stamp stale: the directory itself, or the file's. */
        public Path directoryWatched() {
            return directory ? path : path.getParent();
        }

        /** True while the file is as it was. */
        public boolean current() {
            try {
                return equals(of(path));
            } catch (IOException e) {
                return false;
            }
        }
    }

    private void stamp(Path p) throws IOException {
        if (!read.containsKey(p)) {
            read.put(p, FileStamp.of(p));
        }
    }

    String read(YamlTree t, Node at, String relative) {
        Path dir = root.orElseThrow(() -> t.error(at, "contents.local '" + relative + "' needs a files directory; this config is"
                + " not rendered from a data dir (use inline: or source:)"));
        Path file;
        try {
            file = Path.of(relative);
        } catch (InvalidPathException e) {
            throw t.error(at, "contents.local '" + relative + "' is not a path");
        }
        if (file.isAbsolute() || file.normalize().startsWith("..") || relative.isBlank()) {
            throw t.error(at, "contents.local '" + relative + "' must be a path inside " + dir + " (relative, without ..),"
                    + " e.g. pki/ca.pem");
        }
        Path resolved = dir.resolve(file).normalize();
        try {
            Path real = resolved.toRealPath();
            if (realRoot == null) {
                realRoot = dir.toRealPath();
            }
            if (!real.startsWith(realRoot)) {
                throw t.error(at, "contents.local '" + relative + "' leads out of " + dir + " (to " + real + "); copy the file into "
                        + dir + " instead of linking it");
            }
            if (Files.size(real) > MAX_BYTES) {
                throw t.error(at, "contents.local '" + relative + "' is " + Files.size(real) + " bytes, too large to inline into Ignition"
                        + " (at most " + MAX_BYTES + "); serve it under assets/ and use source: with its URL");
            }
            stamp(resolved);
            if (!real.equals(resolved)) {
                stamp(real);
            }
            String text = Files.readString(real, StandardCharsets.UTF_8);
            refuseKey(t, at, relative, dir, real, text);
            return text;
        } catch (NoSuchFileException e) {
            throw t.error(at, "contents.local '" + relative + "': no file " + resolved + (relative.startsWith("pki/")
                    ? " (make the cluster's certificates with: metalboot pki cluster -c cluster.yaml --out " + dir.resolve("pki") + ")"
                    : ""));
        } catch (IOException e) {
            throw t.error(at, "contents.local '" + relative + "': cannot read " + resolved + ": " + e.getMessage());
        }
    }

    /**
     * A private key is embedded only when its file is readable by its owner alone and it is not the key of a CA
     * certificate in the data dir, its {@code pki/} or beside the key: decided by the key itself, so a link, a hard
     * link or a renamed copy of {@code ca-key.pem} is refused as the original is.
     */
    private void refuseKey(YamlTree t, Node at, String relative, Path dir, Path real, String text) throws IOException {
        if (!text.contains("PRIVATE KEY-----")) {
            return;
        }
        try {
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(real);
            if (mode.contains(PosixFilePermission.GROUP_READ) || mode.contains(PosixFilePermission.OTHERS_READ)) {
                throw t.error(at, "contents.local '" + relative + "' holds a private key that users other than its owner can read ("
                        + real + " is mode " + PosixFilePermissions.toString(mode) + "); make it private: chmod 600 " + real);
            }
        } catch (UnsupportedOperationException e) {
            // no POSIX modes on this file system: nothing to check
        }
        List<Path> dirs = new ArrayList<>(List.of(dir, dir.resolve("pki")));
        if (!dirs.contains(real.getParent())) {
            dirs.add(real.getParent());
        }
        for (Path d : dirs) {
            if (Files.isDirectory(d)) {
                stamp(d); // a CA certificate added, removed or renamed into place later makes the cached translation stale
            }
        }
        // one scan of these directories per translation, however many keys it embeds
        Optional<CaKeys.Ca> ca = CaKeys.ownerAmong(text, scans.computeIfAbsent(List.copyOf(dirs), CaKeys::scan));
        if (ca.isPresent()) {
            String cert = ca.get().file().getFileName().toString();
            throw t.error(at, "contents.local '" + relative + "' is the private key of the CA " + cert + " (" + ca.get().subject()
                    + "); a machine's Ignition never carries it: give nodes the CA certificate (" + cert + ") and their own keys only");
        }
    }
}
