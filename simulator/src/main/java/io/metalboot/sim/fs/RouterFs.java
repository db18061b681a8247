package io.metalboot.sim.fs;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * A simulated router's file system: router paths ({@code /config/config.boot}) mapped into one host
 * directory. Nothing resolves outside it ({@code ..} stops at the root, as on a real system). Every
 * write goes through here, so a "disk full" fault on a path prefix hits the shell, uci and
 * config.boot alike.
 */
public final class RouterFs {
    private final Path root;
    private final AtomicReference<Optional<String>> fullPrefix = new AtomicReference<>(Optional.empty());

    public RouterFs(Path root) throws IOException {
        this.root = Files.createDirectories(root).toRealPath();
    }

    public Path root() {
        return root;
    }

    /** The host path of router path {@code path}, relative paths taken from {@code cwd}. */
    public Path resolve(String path, String cwd) {
        return root.resolve(normalize(path, cwd).substring(1));
    }

    /** The host path of absolute router path {@code path}. */
    public Path resolve(String path) {
        return resolve(path, "/");
    }

    /** The canonical absolute router path of {@code path} seen from {@code cwd}: {@code ..} never climbs above {@code /}. */
    public static String normalize(String path, String cwd) {
        String full = path.startsWith("/") ? path : cwd + "/" + path;
        java.util.ArrayDeque<String> parts = new java.util.ArrayDeque<>();
        for (String p : full.split("/")) {
            if (p.isEmpty() || p.equals(".")) {
                continue;
            }
            if (p.equals("..")) {
                parts.pollLast();
            } else {
                parts.addLast(p);
            }
        }
        return "/" + String.join("/", parts);
    }

    /** Makes writes below {@code prefix} fail with "No space left on device" (empty: no fault). */
    public void diskFull(Optional<String> prefix) {
        fullPrefix.set(prefix.map(p -> normalize(p, "/")));
    }

    private void checkSpace(String path) throws IOException {
        Optional<String> full = fullPrefix.get();
        String p = normalize(path, "/");
        if (full.isPresent() && (p.equals(full.get()) || p.startsWith(full.get().equals("/") ? "/" : full.get() + "/"))) {
            throw new IOException(p + ": No space left on device");
        }
    }

    public boolean exists(String path) {
        return Files.exists(resolve(path));
    }

    public boolean isDirectory(String path) {
        return Files.isDirectory(resolve(path));
    }

    public String read(String path) throws IOException {
        return new String(readBytes(path), StandardCharsets.UTF_8);
    }

    public byte[] readBytes(String path) throws IOException {
        try {
            return Files.readAllBytes(resolve(path));
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(normalize(path, "/"), null, "No such file or directory");
        }
    }

    /** Replaces the file atomically (temp file + rename), creating parent directories. */
    public void write(String path, String content) throws IOException {
        write(path, content.getBytes(StandardCharsets.UTF_8));
    }

    public void write(String path, byte[] content) throws IOException {
        checkSpace(path);
        Path target = resolve(path);
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempFile(target.getParent(), ".tmp-", "");
        try {
            Files.write(tmp, content);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** A stream writing (or appending to) the file, as a shell redirection does; parents must exist. */
    public OutputStream open(String path, boolean append) throws IOException {
        checkSpace(path);
        Path target = resolve(path);
        if (!Files.isDirectory(target.getParent())) {
            throw new NoSuchFileException(normalize(path, "/"), null, "No such file or directory");
        }
        return Files.newOutputStream(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING);
    }

    /** {@code mkdir}: fails if it exists (the atomic lock primitive); {@code parents} is {@code mkdir -p}. */
    public void mkdir(String path, boolean parents) throws IOException {
        checkSpace(path);
        Path target = resolve(path);
        if (parents) {
            Files.createDirectories(target);
        } else {
            try {
                Files.createDirectory(target);
            } catch (FileAlreadyExistsException e) {
                throw new FileAlreadyExistsException(normalize(path, "/"), null, "File exists");
            }
        }
    }

    public void delete(String path, boolean recursive) throws IOException {
        Path target = resolve(path);
        if (recursive && Files.isDirectory(target)) {
            try (Stream<Path> walk = Files.walk(target)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        } else {
            Files.delete(target);
        }
    }

    public void move(String from, String to) throws IOException {
        checkSpace(to);
        Files.move(resolve(from), resolve(to), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public void copy(String from, String to) throws IOException {
        checkSpace(to);
        Files.copy(resolve(from), resolve(to), StandardCopyOption.REPLACE_EXISTING);
    }

    /** Names in a directory, sorted. */
    public List<String> list(String path) throws IOException {
        try (Stream<Path> s = Files.list(resolve(path))) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
