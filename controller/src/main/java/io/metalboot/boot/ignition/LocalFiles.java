package io.metalboot.boot.ignition;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
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
    /** Every file read (and each key's sibling certificate), so a cached translation can tell it is still current. */
    private final List<FileStamp> read = new ArrayList<>();

    private LocalFiles(Optional<Path> root) {
        this.root = root;
    }

    /** Reads under {@code root}; one instance per translation (it records what it read). */
    public static LocalFiles under(Path root) {
        return new LocalFiles(Optional.of(root));
    }

    /** What this translation read, in order. */
    public List<FileStamp> read() {
        return List.copyOf(read);
    }

    /** A file as it was when read: link or not, size, modification time and inode; a rewrite (even an atomic rename) changes it. */
    public record FileStamp(Path path, boolean link, long size, FileTime modified, Object inode) {
        static FileStamp of(Path path) throws IOException {
            BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return new FileStamp(path, a.isSymbolicLink(), a.size(), a.lastModifiedTime(), a.fileKey());
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
            read.add(FileStamp.of(resolved));
            if (!real.equals(resolved)) {
                read.add(FileStamp.of(real));
            }
            String text = Files.readString(real, StandardCharsets.UTF_8);
            refuseCaKey(t, at, relative, resolved, text);
            return text;
        } catch (NoSuchFileException e) {
            throw t.error(at, "contents.local '" + relative + "': no file " + resolved + (relative.startsWith("pki/")
                    ? " (make the cluster's certificates with: metalboot pki cluster -c cluster.yaml --out " + dir.resolve("pki") + ")"
                    : ""));
        } catch (IOException e) {
            throw t.error(at, "contents.local '" + relative + "': cannot read " + resolved + ": " + e.getMessage());
        }
    }

    /** {@code X-key.pem} next to a CA certificate {@code X.pem} (cfssl's naming, which {@code pki} keeps) is the CA's key. */
    private void refuseCaKey(YamlTree t, Node at, String relative, Path file, String text) throws IOException {
        String name = file.getFileName().toString();
        if (!text.contains("PRIVATE KEY-----") || !name.endsWith("-key.pem")) {
            return;
        }
        Path cert = file.resolveSibling(name.substring(0, name.length() - "-key.pem".length()) + ".pem");
        if (!Files.isRegularFile(cert)) {
            return;
        }
        read.add(FileStamp.of(cert));
        try (InputStream in = new ByteArrayInputStream(Files.readAllBytes(cert))) { // the parser reads a byte at a time
            X509Certificate c = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
            if (c.getBasicConstraints() >= 0) {
                throw t.error(at, "contents.local '" + relative + "' is the private key of the CA " + cert.getFileName() + " ("
                        + c.getSubjectX500Principal().getName() + "); a machine's Ignition never carries it: give nodes the CA"
                        + " certificate (" + cert.getFileName() + ") and their own keys only");
            }
        } catch (IOException | CertificateException | ClassCastException e) {
            // not a certificate beside it: nothing says the key belongs to a CA
        }
    }
}
