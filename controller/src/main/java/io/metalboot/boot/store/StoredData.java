package io.metalboot.boot.store;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.KV;
import io.etcd.jetcd.KeyValue;
import io.etcd.jetcd.kv.GetResponse;
import io.etcd.jetcd.options.GetOption;
import io.metalboot.boot.BootException;
import io.metalboot.boot.DataFiles;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The boot data in etcd as of one revision: every data key and the manifest, read with one range per
 * prefix, all at the same revision, so a push (one transaction) is seen whole or not at all.
 * {@code fingerprint} (each key's modification revision) tells whether anything changed since.
 */
record StoredData(long revision, DataFiles files, String fingerprint, Optional<Manifest> manifest, long manifestRevision,
        List<String> strays) {

    static StoredData read(KV kv, EtcdTarget target, Duration timeout) {
        try {
            GetResponse m = kv.get(target.key(StoreKeys.MANIFEST)).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            long revision = m.getHeader().getRevision();
            TreeMap<String, byte[]> files = new TreeMap<>();
            StringBuilder fingerprint = new StringBuilder();
            List<String> strays = new ArrayList<>();
            for (String prefix : StoreKeys.DATA) {
                GetResponse r = kv.get(target.key(prefix), GetOption.builder().isPrefix(true).withRevision(revision).build())
                        .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                for (KeyValue kv1 : r.getKvs()) {
                    String key = kv1.getKey().toString(StandardCharsets.UTF_8).substring(target.prefix().length());
                    fingerprint.append(key).append('@').append(kv1.getModRevision()).append('\n');
                    Optional<String> file = StoreKeys.file(key);
                    if (file.isPresent()) {
                        files.put(file.get(), kv1.getValue().getBytes());
                    } else {
                        strays.add(target.prefix() + key);
                    }
                }
            }
            Optional<Manifest> manifest = Optional.empty();
            long manifestRevision = 0;
            if (!m.getKvs().isEmpty()) {
                manifestRevision = m.getKvs().get(0).getModRevision();
                manifest = Optional.of(Manifest.parse(m.getKvs().get(0).getValue().getBytes(), target.prefix() + StoreKeys.MANIFEST));
            }
            fingerprint.append("manifest@").append(manifestRevision);
            return new StoredData(revision, new DataFiles(files), fingerprint.toString(), manifest, manifestRevision, strays);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unreachable(target, e);
        } catch (ExecutionException | TimeoutException e) {
            throw unreachable(target, e);
        }
    }

    static BootException unreachable(EtcdTarget target, Exception e) {
        Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        String why = cause instanceof TimeoutException ? "no answer in time" : String.valueOf(cause.getMessage());
        return new BootException(503, "cannot read " + target + ": " + why + " (is etcd running and reachable from here?)", cause);
    }

    static ByteSequence bytes(String s) {
        return ByteSequence.from(s, StandardCharsets.UTF_8);
    }
}
