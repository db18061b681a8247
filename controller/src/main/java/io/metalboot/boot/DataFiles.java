package io.metalboot.boot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The files a data dir's boot data is made of, by path relative to the data dir
 * ({@code groups/a.json}, {@code profiles/b.json}, {@code ignition/c.yaml}, {@code generic/d}), with
 * their exact bytes: what {@link DataDir#parse} reads, what a store holds. Assets, {@code tftpboot/}
 * and the {@code contents.local} files (node keys) are not boot data: they stay on each server's disk.
 */
public record DataFiles(SortedMap<String, byte[]> files) {
    /** The directories of a data dir that hold boot data. */
    public static final List<String> DIRS = List.of("groups", "profiles", "ignition", "generic");

    public DataFiles {
        TreeMap<String, byte[]> copy = new TreeMap<>();
        files.forEach((name, bytes) -> {
            checkName(name);
            copy.put(name, bytes.clone());
        });
        files = Collections.unmodifiableSortedMap(copy);
    }

    /** Whether {@code name} is a path a data dir's boot data can have: {@code DIR/FILE}, one of {@link #DIRS}, no hidden file. */
    public static boolean valid(String name) {
        int slash = name.indexOf('/');
        return slash > 0 && DIRS.contains(name.substring(0, slash)) && name.indexOf('/', slash + 1) < 0
                && name.length() > slash + 1 && !name.startsWith(".", slash + 1) && !name.contains("\0")
                && (!name.startsWith("groups/") && !name.startsWith("profiles/") || name.endsWith(".json"));
    }

    private static void checkName(String name) {
        if (!valid(name)) {
            throw new BootException(500, "'" + name + "' is not a boot data file (expected groups/*.json, profiles/*.json,"
                    + " ignition/NAME or generic/NAME)");
        }
    }

    /** Reads the boot data files under {@code root} (directories that are missing hold nothing). */
    public static DataFiles read(Path root) {
        if (!Files.isDirectory(root)) {
            throw new BootException(500, "data dir " + root + " is not a directory (create it, or generate one with"
                    + " 'metalboot render-data -c cluster.yaml --out " + root + "')");
        }
        TreeMap<String, byte[]> out = new TreeMap<>();
        for (String dir : DIRS) {
            Path d = root.resolve(dir);
            if (!Files.isDirectory(d)) {
                continue;
            }
            try (Stream<Path> list = Files.list(d)) {
                for (Path f : list.filter(Files::isRegularFile).sorted().toList()) {
                    String name = dir + "/" + f.getFileName();
                    if (valid(name)) {
                        out.put(name, Files.readAllBytes(f));
                    }
                }
            } catch (IOException e) {
                throw new BootException(500, "cannot read " + d + ": " + e.getMessage(), e);
            }
        }
        return new DataFiles(out);
    }

    /** Writes every file under {@code root} (its directories made as needed). */
    public void write(Path root) throws IOException {
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            Path f = root.resolve(e.getKey());
            Files.createDirectories(f.getParent());
            Files.write(f, e.getValue());
        }
    }

    /** The files under {@code dir} ({@code groups}, …), by their file name. */
    public SortedMap<String, byte[]> in(String dir) {
        TreeMap<String, byte[]> out = new TreeMap<>();
        files.subMap(dir + "/", dir + "0").forEach((k, v) -> out.put(k.substring(dir.length() + 1), v));
        return out;
    }

    /** Same names, same bytes. */
    public boolean sameAs(DataFiles other) {
        return files.size() == other.files.size() && files.entrySet().stream()
                .allMatch(e -> other.files.containsKey(e.getKey()) && Arrays.equals(e.getValue(), other.files.get(e.getKey())));
    }
}
