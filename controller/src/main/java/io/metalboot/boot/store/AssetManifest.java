package io.metalboot.boot.store;

import io.metalboot.boot.BootException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The files under a data dir's {@code assets/} and {@code tftpboot/} by name, size and sha256: what a
 * push records, and what each server compares its own files against. Hashes are kept per file while
 * its size and modification time stay the same, so a server checks gigabytes of images once.
 */
final class AssetManifest {
    record Asset(String path, long size, String sha256) {
    }

    private record Stamp(long size, long modified) {
    }

    private record Hashed(Stamp stamp, String sha256) {
    }

    private final Map<Path, Hashed> hashed = new ConcurrentHashMap<>();

    /** The assets under {@code root}, sorted by path ({@code assets/…}, {@code tftpboot/…}); hidden and .part files left out. */
    List<Asset> of(Path root) {
        List<Asset> out = new ArrayList<>();
        for (String dir : List.of("assets", "tftpboot")) {
            Path d = root.resolve(dir);
            if (!Files.isDirectory(d)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(d)) {
                for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                    String rel = root.relativize(f).toString();
                    if (rel.contains("/.") || rel.endsWith(".part")) {
                        continue;
                    }
                    out.add(new Asset(rel, Files.size(f), sha256(f)));
                }
            } catch (IOException e) {
                throw new BootException(500, "cannot read " + d + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    /** How the assets under {@code root} differ from {@code pushed}: one line per file missing, extra or changed. */
    List<String> differences(Path root, List<Asset> pushed) {
        Map<String, Asset> mine = new TreeMap<>();
        of(root).forEach(a -> mine.put(a.path(), a));
        List<String> out = new ArrayList<>();
        for (Asset a : pushed) {
            Asset m = mine.remove(a.path());
            if (m == null) {
                out.add(a.path() + " is missing");
            } else if (m.size() != a.size() || !m.sha256().equals(a.sha256())) {
                out.add(a.path() + " differs (sha256 " + m.sha256().substring(0, 12) + "…, pushed " + a.sha256().substring(0, 12) + "…)");
            }
        }
        return out;
    }

    private String sha256(Path f) throws IOException {
        BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
        Stamp stamp = new Stamp(a.size(), a.lastModifiedTime().toMillis());
        Hashed kept = hashed.get(f);
        if (kept != null && kept.stamp().equals(stamp)) {
            return kept.sha256();
        }
        try (InputStream in = Files.newInputStream(f)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n = in.read(buf); n > 0; n = in.read(buf)) {
                md.update(buf, 0, n);
            }
            String hex = HexFormat.of().formatHex(md.digest());
            hashed.put(f, new Hashed(stamp, hex));
            return hex;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
