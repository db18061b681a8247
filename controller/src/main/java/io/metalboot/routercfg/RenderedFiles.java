package io.metalboot.routercfg;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Files rendered in memory, written together: into a fresh directory beside the target, then each
 * top-level folder moved into place, so a failed render never leaves a half-written output.
 */
public final class RenderedFiles {
    private final Map<String, String> files = new LinkedHashMap<>();

    /** Adds a file by its path relative to the output directory ({@code edgeos/dhcpd.conf}). */
    public void put(String relativePath, String content) {
        if (files.putIfAbsent(relativePath, content) != null) {
            throw new IllegalStateException("rendered twice: " + relativePath);
        }
    }

    public List<String> paths() {
        return List.copyOf(files.keySet());
    }

    public void writeTo(Path out) {
        try {
            Path dir = out.toAbsolutePath().normalize();
            Files.createDirectories(dir);
            Path staging = Files.createTempDirectory(dir, ".render-");
            try {
                for (var e : files.entrySet()) {
                    Path f = staging.resolve(e.getKey());
                    Files.createDirectories(f.getParent());
                    Files.writeString(f, e.getValue(), StandardCharsets.UTF_8);
                }
                for (String top : files.keySet().stream().map(p -> p.split("/", 2)[0]).distinct().toList()) {
                    Path target = dir.resolve(top);
                    deleteTree(target);
                    Files.move(staging.resolve(top), target, StandardCopyOption.ATOMIC_MOVE);
                }
            } finally {
                deleteTree(staging);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
        }
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path x : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(x);
            }
        }
    }
}
