package io.metalboot.boot.render;

import io.metalboot.boot.ignition.LocalFiles;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Ignition JSON already rendered and translated, for one loaded data dir. Rendering a Kubernetes
 * node's template and translating it (YAML, Butane, the {@code contents.local} files) costs far
 * more than sending it, and within one data dir a machine's answer only changes with the files it
 * read; so the JSON is kept under what decides the rendered text (template, group, the request's
 * labels) and served again only while every file it read is unchanged (size, time, inode): a
 * renewed certificate is still served at once. At most {@link #MAX_ENTRIES} entries; when full it
 * starts over, which bounds memory at a rack's worth of configs. Failures are never kept.
 */
public final class IgnitionCache {
    static final int MAX_ENTRIES = 1024;

    private record Entry(String json, List<LocalFiles.FileStamp> read) {
        boolean current() {
            return read.stream().allMatch(LocalFiles.FileStamp::current);
        }
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    public IgnitionCache() {
    }

    /** The JSON under {@code key}: kept, or made by {@code translate} with {@code local}, which records what it read. */
    String get(String key, LocalFiles local, Function<LocalFiles, String> translate) {
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

    public int size() {
        return entries.size();
    }
}
