package io.metalboot.boot.store;

import io.metalboot.boot.BootException;
import io.metalboot.boot.DataDir;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchService;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The file store: a data dir as served: read once, kept in memory, read again when a file under groups/,
 * profiles/, ignition/ or generic/ changes, also when one of them is replaced by another directory. A reload that fails is logged and the last good data
 * keeps serving. The first load's warnings are the caller's to show; a reload's are logged.
 *
 * <p>The same watch service watches the directories the Ignition cache read {@code contents.local} files from
 * ({@link ContentDirs}): any event moves the cache's generation on at once, without the reload's pause, so a renewed key
 * is served as soon as the event is read. When the kernel drops events (an {@code OVERFLOW}), the store cannot know what
 * changed: it takes every directory as changed (each cached answer checks its files again before it is served) and
 * reads the data dir again.
 */
public final class FileStore implements Store {
    private static final System.Logger LOG = System.getLogger(FileStore.class.getName());
    private final Path root;
    private final Snapshots snapshots;
    private static final String[] WATCHED = {"", "groups", "profiles", "ignition", "generic"};
    private final java.util.Map<String, java.nio.file.WatchKey> keys = new java.util.concurrent.ConcurrentHashMap<>();
    private final WatchService watcher;
    private final Thread thread;
    private final ContentDirs contentDirs;

    public FileStore(Path root) {
        this.root = root;
        try {
            this.watcher = FileSystems.getDefault().newWatchService();
        } catch (IOException e) {
            throw new BootException(500, "cannot watch " + root + " for changes: " + e.getMessage(), e);
        }
        this.contentDirs = new ContentDirs(watcher);
        DataDir first;
        try {
            first = DataDir.load(root);
        } catch (BootException e) {
            close(watcher);
            throw e;
        }
        first.translated().watchedBy(contentDirs);
        this.snapshots = new Snapshots(first);
        watchDirs();
        this.thread = Thread.ofVirtual().name("metalboot-data-watch").start(this::watch);
    }

    @Override
    public DataDir snapshot() {
        return snapshots.get();
    }

    @Override
    public void watch(java.util.function.Consumer<DataDir> listener) {
        snapshots.watch(listener);
    }

    /** Why the last reload failed, while the previous data keeps serving; empty when it succeeded. */
    public Optional<String> lastError() {
        return snapshots.refused();
    }

    @Override
    public Health health() {
        return snapshots.refused().map(e -> new Health(false, java.util.List.of("the data dir is broken now: " + e))).orElse(Health.OK);
    }

    @Override
    public String describe() {
        return root.toString();
    }

    /** Reads the data dir again now; false (and the old data kept) when it is broken. */
    public boolean reload() {
        try {
            DataDir next = DataDir.load(root);
            next.translated().watchedBy(contentDirs);
            snapshots.serve(next);
            next.warnings().forEach(w -> LOG.log(Level.WARNING, "data={0} {1}", root, w));
            LOG.log(Level.INFO, "data={0} reloaded: {1} groups, {2} profiles", root, next.groups().size(), next.profiles().size());
            return true;
        } catch (BootException e) {
            snapshots.refuse(e.getMessage());
            LOG.log(Level.ERROR, "data={0} reload failed, still serving the last good data: {1}", root, e.getMessage());
            return false;
        }
    }

    private void watch() {
        try {
            while (true) {
                var key = watcher.take();
                boolean data = seen(key);
                // let an editor finish writing, and take the burst of events as one change
                for (var more = watcher.poll(200, TimeUnit.MILLISECONDS); more != null; more = watcher.poll(200, TimeUnit.MILLISECONDS)) {
                    data |= seen(more);
                }
                if (data) {
                    watchDirs();
                    reload();
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed
        }
    }

    /** Takes {@code key}'s events: the Ignition cache's files count as changed at once; true when the data dir must be read again. */
    private boolean seen(java.nio.file.WatchKey key) {
        boolean lost = key.pollEvents().stream().anyMatch(e -> e.kind() == StandardWatchEventKinds.OVERFLOW);
        key.reset();
        contentDirs.changed();
        if (lost) {
            LOG.log(Level.WARNING, "data={0} the kernel dropped file change events; every cached Ignition checks its files again"
                    + " and the data dir is read again", root);
        }
        return lost || keys.containsValue(key);
    }

    /** What the watch does when events were lost ({@code OVERFLOW}): nothing cached is trusted, and the data dir is read again. */
    void eventsLost() {
        contentDirs.changed();
        watchDirs();
        reload();
    }

    /**
     * Watches the data dir and each of its directories as they are now. A watch follows the directory, not its name:
     * after {@code mv groups groups.old; mv groups.new groups} (an rsync, a git checkout, a tool that swaps the
     * directory) the old watch sees groups.old, so every change is followed by watching the current directories again
     * (a directory created after start included). Watching a directory already watched costs nothing.
     */
    private synchronized void watchDirs() {
        for (String sub : WATCHED) {
            Path dir = root.resolve(sub);
            if (Files.isDirectory(dir)) {
                try {
                    var key = dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                            StandardWatchEventKinds.ENTRY_DELETE);
                    var previous = keys.put(sub, key);
                    if (previous != null && previous != key) {
                        previous.cancel(); // the directory that was swapped away
                    }
                } catch (IOException e) {
                    LOG.log(Level.WARNING, "data={0} cannot watch {1} for changes: {2}", root, dir, e.getMessage());
                }
            }
        }
    }

    @Override
    public void close() {
        close(watcher);
        thread.interrupt();
    }

    private void close(WatchService w) {
        try {
            w.close();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "data={0} closing the watch: {1}", root, e.getMessage());
        }
    }
}
