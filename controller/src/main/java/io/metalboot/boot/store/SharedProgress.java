package io.metalboot.boot.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.KeyValue;
import io.etcd.jetcd.op.Op;
import io.etcd.jetcd.options.GetOption;
import io.etcd.jetcd.options.PutOption;
import io.metalboot.boot.BootException;
import io.metalboot.boot.Progress;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Boot progress shared through etcd: this server's {@link Progress} is written under
 * {@code progress/MAC} in batches (every {@code every}, at most {@link #BATCH} machines per
 * transaction, under this server's lease so a server that is gone stops claiming machines once the
 * lease ends), and what every server wrote is read back for {@code /status}. Requests only record
 * in memory; when etcd is unreachable the machines wait in {@link Progress} (bounded) and are written
 * when it answers again.
 */
public final class SharedProgress implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(SharedProgress.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    static final int BATCH = 100;
    /** How long a server's progress outlives it. */
    static final long LEASE_SECONDS = 600;
    /** At most this many machines are read back from the store. */
    static final int MAX_SHARED = 4096;
    private final Client client;
    private final EtcdTarget target;
    private final Progress progress;
    private final Duration every;
    private final Thread thread;
    private volatile boolean closed;
    private long lease;
    private long leaseRenewed;

    public SharedProgress(Client client, EtcdTarget target, Progress progress, Duration every) {
        this.client = client;
        this.target = target;
        this.progress = progress;
        this.every = every;
        this.thread = Thread.ofVirtual().name("metalboot-progress").start(this::run);
    }

    private void run() {
        while (!closed) {
            try {
                Thread.sleep(every.toMillis());
                flush();
                progress.shared(read(client, target));
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.log(Level.DEBUG, "store={0} progress not shared now: {1}", target, e.getMessage());
            }
        }
    }

    /** Writes the machines seen since the last flush; on failure they stay queued. */
    void flush() {
        List<Progress.Status> batch = progress.drain();
        if (batch.isEmpty() && System.nanoTime() - leaseRenewed < TimeUnit.SECONDS.toNanos(LEASE_SECONDS / 10)) {
            return;
        }
        try {
            lease();
            for (int i = 0; i < batch.size(); i += BATCH) {
                List<Op> ops = new ArrayList<>();
                for (Progress.Status s : batch.subList(i, Math.min(batch.size(), i + BATCH))) {
                    ops.add(Op.put(target.key(StoreKeys.PROGRESS + s.mac()), ByteSequence.from(json(s)),
                            PutOption.builder().withLeaseId(lease).build()));
                }
                client.getKVClient().txn().Then(ops.toArray(Op[]::new)).commit().get(EtcdStore.READ_TIMEOUT.toMillis(),
                        TimeUnit.MILLISECONDS);
            }
        } catch (Exception e) {
            progress.requeue(batch);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new BootException(503, "cannot write progress to " + target + ": " + e, e);
        }
    }

    private void lease() throws Exception {
        long timeout = EtcdStore.READ_TIMEOUT.toMillis();
        if (lease != 0 && System.nanoTime() - leaseRenewed < TimeUnit.SECONDS.toNanos(LEASE_SECONDS / 10)) {
            return;
        }
        if (lease != 0) {
            var kept = client.getLeaseClient().keepAliveOnce(lease).get(timeout, TimeUnit.MILLISECONDS);
            if (kept.getTTL() > 0) {
                leaseRenewed = System.nanoTime();
                return;
            }
        }
        lease = client.getLeaseClient().grant(LEASE_SECONDS).get(timeout, TimeUnit.MILLISECONDS).getID();
        leaseRenewed = System.nanoTime();
        progress.requeueAll(); // what was written under the old lease is gone with it
    }

    private static byte[] json(Progress.Status s) {
        var n = JSON.createObjectNode().put("mac", s.mac()).put("ip", s.ip()).put("stage", s.stage()).put("time", s.time().toString())
                .put("replica", s.replica());
        s.name().ifPresent(name -> n.put("name", name));
        var stages = n.putArray("stages");
        s.stages().forEach(stages::add);
        try {
            return JSON.writeValueAsBytes(n);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every machine's last stage as the servers sharing {@code target} wrote it, by MAC. */
    public static Map<String, Progress.Status> read(Client client, EtcdTarget target) {
        Map<String, Progress.Status> out = new HashMap<>();
        List<KeyValue> kvs;
        try {
            kvs = client.getKVClient().get(target.key(StoreKeys.PROGRESS), GetOption.builder().isPrefix(true).withLimit(MAX_SHARED).build())
                    .get(EtcdStore.READ_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).getKvs();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw StoredData.unreachable(target, e);
        } catch (Exception e) {
            throw StoredData.unreachable(target, e);
        }
        for (KeyValue kv : kvs) {
            try {
                JsonNode n = JSON.readTree(kv.getValue().getBytes());
                List<String> stages = new ArrayList<>();
                n.path("stages").forEach(x -> stages.add(x.asText()));
                Progress.Status s = new Progress.Status(n.path("mac").asText(), n.path("ip").asText(), n.path("stage").asText(),
                        Instant.parse(n.path("time").asText()), Optional.ofNullable(n.path("name").textValue()), stages,
                        n.path("replica").asText());
                out.put(s.mac(), s);
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "store={0} ignoring {1}: not a progress record", target, kv.getKey().toString(StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            flush(); // what the last requests recorded
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "store={0} the last progress was not written: {1}", target, e.getMessage());
        }
    }
}
