package io.metalboot.boot.store;

import io.etcd.jetcd.Client;
import io.etcd.jetcd.Watch;
import io.etcd.jetcd.options.WatchOption;
import io.metalboot.boot.BootException;
import io.metalboot.boot.DataDir;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The etcd store: the boot data under {@code /metalboot/CLUSTER/}, read whole at one revision into an
 * immutable snapshot, then kept current by a watch on the prefix (a change is loaded as soon as etcd
 * reports it) and a read every {@code poll} (which also tells whether etcd is reachable). Requests only
 * read the snapshot. A change that does not load is refused and the last good snapshot keeps serving;
 * while etcd is unreachable the last snapshot serves and {@link #health()} says degraded. A server
 * that cannot read its data at start does not start ({@link #open}): it would answer every machine 404.
 * Assets and {@code contents.local} files (node keys) are read from {@code local}, this server's disk.
 */
public final class EtcdStore implements Store {
    private static final System.Logger LOG = System.getLogger(EtcdStore.class.getName());
    static final Duration READ_TIMEOUT = Duration.ofSeconds(2);
    private final EtcdTarget target;
    private final Path local;
    private final Client client;
    private final Duration poll;
    private final Snapshots snapshots;
    private final AssetManifest assets = new AssetManifest();
    private final Semaphore changed = new Semaphore(0);
    private final Thread thread;
    private volatile String fingerprint;
    private volatile long servedRevision;
    private volatile Optional<Instant> unreachableSince = Optional.empty();
    private volatile String unreachableWhy = "";
    private volatile List<String> assetDifferences = List.of();
    private volatile boolean closed;
    private Watch.Watcher watcher;
    private volatile boolean rewatch;

    private EtcdStore(EtcdTarget target, Path local, Client client, Duration poll, StoredData first) {
        this.target = target;
        this.local = local;
        this.client = client;
        this.poll = poll;
        this.snapshots = new Snapshots(parse(first));
        this.fingerprint = first.fingerprint();
        this.servedRevision = first.revision();
        checkAssets(first);
        watch();
        this.thread = Thread.ofVirtual().name("metalboot-etcd-store").start(this::run);
    }

    /** Reads the data now; refuses (a {@link BootException}) when etcd cannot be read, nothing was pushed, or the data does not load. */
    public static EtcdStore open(EtcdTarget target, Path local) {
        return open(target, local, Duration.ofSeconds(1));
    }

    static EtcdStore open(EtcdTarget target, Path local, Duration poll) {
        Client client = target.client();
        try {
            StoredData first;
            try {
                first = StoredData.read(client.getKVClient(), target, Duration.ofSeconds(5));
            } catch (BootException e) {
                throw new BootException(503, "not serving: " + e.getMessage() + ". Without its data this server would answer"
                        + " every machine 404; start it again once etcd answers", e);
            }
            if (first.manifest().isEmpty()) {
                throw Pull.notPushed(target);
            }
            return new EtcdStore(target, local, client, poll, first);
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
    }

    private DataDir parse(StoredData d) {
        d.strays().forEach(k -> LOG.log(Level.WARNING, "store={0} ignoring {1}: not a boot data file", target, k));
        return DataDir.parse(Path.of(target.prefix()), local, d.files());
    }

    /** The client this store reads with (shared by the progress writer). */
    public Client client() {
        return client;
    }

    public EtcdTarget target() {
        return target;
    }

    /** The revision of the snapshot being served. */
    public long revision() {
        return servedRevision;
    }

    private void watch() {
        try {
            watcher = client.getWatchClient().watch(target.key(""), WatchOption.builder().isPrefix(true).build(),
                    Watch.listener(response -> {
                        if (response.getEvents().stream().anyMatch(e -> !e.getKeyValue().getKey().toString(StandardCharsets.UTF_8)
                                .startsWith(target.prefix() + StoreKeys.PROGRESS))) {
                            changed.release();
                        }
                    }, error -> rewatch = true));
        } catch (RuntimeException e) {
            rewatch = true;
        }
    }

    private void run() {
        while (!closed) {
            try {
                changed.tryAcquire(poll.toMillis(), TimeUnit.MILLISECONDS);
                changed.drainPermits();
                if (!closed) {
                    sync();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.log(Level.ERROR, "store={0} {1}", target, e.toString());
            }
        }
    }

    /** Reads the store; loads a new snapshot when anything changed. */
    void sync() {
        StoredData d;
        try {
            d = StoredData.read(client.getKVClient(), target, READ_TIMEOUT);
        } catch (BootException e) {
            if (unreachableSince.isEmpty()) {
                unreachableSince = Optional.of(Instant.now());
                LOG.log(Level.ERROR, "store={0} unreachable, still serving rev={1}: {2}", target, servedRevision, e.getMessage());
            }
            unreachableWhy = e.getMessage();
            return;
        }
        if (unreachableSince.isPresent()) {
            LOG.log(Level.INFO, "store={0} reachable again at rev={1}", target, d.revision());
            unreachableSince = Optional.empty();
        }
        if (rewatch) {
            rewatch = false;
            if (watcher != null) {
                watcher.close();
            }
            watch();
        }
        if (d.fingerprint().equals(fingerprint)) {
            return;
        }
        fingerprint = d.fingerprint();
        try {
            DataDir next = parse(d);
            servedRevision = d.revision();
            snapshots.serve(next);
            next.warnings().forEach(w -> LOG.log(Level.WARNING, "store={0} {1}", target, w));
            LOG.log(Level.INFO, "store={0} rev={1} loaded: {2} groups, {3} profiles", target, d.revision(), next.groups().size(),
                    next.profiles().size());
            checkAssets(d);
        } catch (BootException e) {
            snapshots.refuse("the store's data at revision " + d.revision() + " does not load, still serving revision " + servedRevision
                    + ": " + e.getMessage());
            LOG.log(Level.ERROR, "store={0} rev={1} refused, still serving rev={2}: {3}", target, d.revision(), servedRevision,
                    e.getMessage());
        }
    }

    private void checkAssets(StoredData d) {
        List<String> diff = d.manifest().map(m -> assets.differences(local, m.assets())).orElse(List.of());
        if (!diff.isEmpty()) {
            LOG.log(Level.WARNING, "store={0} rev={1} this server''s assets differ from the push: {2}", target, d.revision(),
                    String.join("; ", diff));
        }
        assetDifferences = diff;
    }

    /** This server's assets that are missing or differ from what the last push recorded. */
    public List<String> assetDifferences() {
        return assetDifferences;
    }

    @Override
    public DataDir snapshot() {
        return snapshots.get();
    }

    @Override
    public void watch(Consumer<DataDir> listener) {
        snapshots.watch(listener);
    }

    @Override
    public Health health() {
        List<String> notes = new ArrayList<>();
        boolean degraded = false;
        if (unreachableSince.isPresent()) {
            degraded = true;
            notes.add(target + " unreachable since " + unreachableSince.get() + ", serving revision " + servedRevision + ": " + unreachableWhy);
        }
        snapshots.refused().ifPresent(notes::add);
        List<String> diff = assetDifferences;
        if (!diff.isEmpty()) {
            degraded = true;
            notes.add("assets under " + local + " differ from the push: " + String.join(", ", diff));
        }
        return new Health(degraded, notes);
    }

    @Override
    public String describe() {
        return target.toString();
    }

    @Override
    public void close() {
        closed = true;
        changed.release();
        if (watcher != null) {
            watcher.close();
        }
        thread.interrupt();
        client.close();
    }
}
