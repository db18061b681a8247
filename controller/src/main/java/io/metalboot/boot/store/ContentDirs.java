package io.metalboot.boot.store;

import io.metalboot.boot.render.IgnitionCache;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The directories the Ignition cache read {@code contents.local} files from ({@code pki/} and the others), watched
 * with the data dir's watch service. Any event in one of them, and any lost event, moves the generation on, which
 * makes every cached answer check its files once more (see {@link IgnitionCache}). After a change the directories are
 * registered again as the cache asks for them: a directory swapped by a rename is followed by its name, not its inode.
 */
final class ContentDirs implements IgnitionCache.Watch {
    private static final System.Logger LOG = System.getLogger(ContentDirs.class.getName());
    private final WatchService watcher;
    private final AtomicLong generation = new AtomicLong();
    private final Map<Path, WatchKey> watched = new ConcurrentHashMap<>();

    ContentDirs(WatchService watcher) {
        this.watcher = watcher;
    }

    @Override
    public long generation() {
        return generation.get();
    }

    @Override
    public boolean watch(Path dir) {
        WatchKey key = watched.get(dir);
        if (key != null && key.isValid()) {
            return true;
        }
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try {
            watched.put(dir, dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                    StandardWatchEventKinds.ENTRY_DELETE));
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot watch {0} for changes; its files are checked on every request: {1}", dir,
                    e.toString());
            return false;
        }
    }

    /** A file in a watched directory changed, or events were lost: every cached answer checks its files again. */
    void changed() {
        watched.clear(); // registered again (the same key when it is the same directory) as the cache asks
        generation.incrementAndGet();
    }
}
