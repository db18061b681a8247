package io.metalboot.boot;

import io.metalboot.boot.ignition.LocalFiles;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Translations of rendered templates to Ignition JSON, for one loaded data dir. Translation (YAML,
 * Butane, reading the {@code contents.local} files) costs far more than rendering, and a machine's
 * rendered text only changes with its data; so the JSON is kept under the SHA-256 of template name
 * and rendered text, and served again only while every file it read is unchanged (size, time,
 * inode), so a renewed certificate is still served at once. At most {@link #MAX_ENTRIES} entries;
 * when full it starts over, which bounds memory at a rack's worth of configs. Failures are never kept.
 */
final class IgnitionCache {
    static final int MAX_ENTRIES = 1024;

    private record Entry(String json, List<LocalFiles.FileStamp> read) {
        boolean current() {
            return read.stream().allMatch(LocalFiles.FileStamp::current);
        }
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    /** The JSON for {@code name} rendered to {@code text}: kept, or made by {@code translate} with a fresh {@link LocalFiles}. */
    String get(String name, String text, LocalFiles local, Function<LocalFiles, String> translate) {
        String key = key(name, text);
        Entry kept = entries.get(key);
        if (kept != null && kept.current()) {
            return kept.json();
        }
        String json = translate.apply(local);
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(key, new Entry(json, local.read()));
        return json;
    }

    int size() {
        return entries.size();
    }

    private static String key(String name, String text) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(name.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
