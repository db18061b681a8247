package io.metalboot.boot.render;

import io.metalboot.boot.ignition.LocalFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Ignition JSON already rendered and translated, for one loaded data dir. Rendering a Kubernetes
 * node's template and translating it (YAML, Butane, the {@code contents.local} files) costs far
 * more than sending it, and within one data dir a machine's answer only changes with the files it
 * read; so the JSON is kept under what decides the rendered text (template, group, the request's
 * labels) and served again only while every file it read is unchanged: a renewed certificate is
 * still served again.
 *
 * <p>How "unchanged" is known: with no {@link Watch} (etcd, a data dir loaded without a store), every
 * hit compares the stamps (size, time, inode) of the ~25 files the answer read. With a watch (the file
 * store's), an entry is trusted without looking at the disk once the watch has confirmed that it
 * watches every directory the entry read from and a check of the stamps made after that confirmation
 * passed; any change in those directories, and any lost watch event, moves the watch's generation on,
 * and an entry of an older generation is checked file by file again (once) before it is trusted again.
 * So a lost event never serves a stale key: it costs one stamp check per entry.
 *
 * <p>At most {@link #MAX_ENTRIES} entries; when full it starts over, which bounds memory at a rack's
 * worth of configs. Failures are never kept.
 */
public final class IgnitionCache {
    static final int MAX_ENTRIES = 1024;
    private static final long UNTRUSTED = -1;

    /** Who tells the cache that a directory it read from changed. */
    public interface Watch {
        /** Moves on with every change in a watched directory and every lost event; never negative. */
        long generation();

        /** True when {@code dir} is watched from now on (registering it if needed); false when it cannot be. */
        boolean watch(Path dir);

        /** No watch: every hit checks the files. */
        Watch NONE = new Watch() {
            @Override
            public long generation() {
                return Long.MIN_VALUE;
            }

            @Override
            public boolean watch(Path dir) {
                return false;
            }
        };
    }

    private record Entry(String json, List<LocalFiles.FileStamp> read, Set<Path> dirs, long generation) {
        static Entry of(String json, List<LocalFiles.FileStamp> read) {
            Set<Path> dirs = read.stream().map(LocalFiles.FileStamp::directoryWatched).collect(Collectors.toUnmodifiableSet());
            return new Entry(json, read, dirs, UNTRUSTED);
        }

        boolean current() {
            return read.stream().allMatch(LocalFiles.FileStamp::current);
        }

        Entry at(long g) {
            return new Entry(json, read, dirs, g);
        }
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private volatile Watch watch = Watch.NONE;

    public IgnitionCache() {
    }

    /** From now on, trust entries that {@code w} vouches for (see the class comment). */
    public void watchedBy(Watch w) {
        this.watch = w;
    }

    /** The JSON under {@code key}: kept, or made by {@code translate} with {@code local}, which records what it read. */
    String get(String key, LocalFiles local, Function<LocalFiles, String> translate) {
        Entry kept = entries.get(key);
        if (kept != null) {
            Watch w = watch;
            long g = w.generation();
            if (kept.generation() == g) {
                return kept.json(); // nothing changed where it read from since the files were last checked
            }
            // watch first, then check: a change after the check is an event that moves the generation past g
            boolean watched = kept.dirs().stream().allMatch(w::watch);
            if (kept.current()) {
                if (watched) {
                    entries.replace(key, kept, kept.at(g));
                }
                return kept.json();
            }
        }
        String json = translate.apply(local);
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(key, Entry.of(json, local.read()));
        return json;
    }

    public int size() {
        return entries.size();
    }

    /** How many entries are served without looking at the disk now. */
    public long trusted() {
        long g = watch.generation();
        return entries.values().stream().filter(e -> e.generation() == g).count();
    }
}
