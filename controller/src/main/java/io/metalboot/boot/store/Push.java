package io.metalboot.boot.store;

import io.etcd.jetcd.Client;
import io.etcd.jetcd.KV;
import io.etcd.jetcd.kv.TxnResponse;
import io.etcd.jetcd.op.Cmp;
import io.etcd.jetcd.op.CmpTarget;
import io.etcd.jetcd.op.Op;
import io.etcd.jetcd.options.DeleteOption;
import io.etcd.jetcd.options.GetOption;
import io.etcd.jetcd.options.PutOption;
import io.metalboot.boot.BootException;
import io.metalboot.boot.DataDir;
import io.metalboot.boot.DataFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code metalboot store push}: the data dir is loaded here first (a file that would not load is
 * refused with its file and line, before etcd sees it), compared with the store, and written in one
 * transaction with the manifest: every file or none. The transaction only applies if the manifest is
 * still the one this push read, so of two pushes at once one wins and the other is refused naming the
 * revision that won ({@code force}: write anyway).
 */
public final class Push {
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** One file the push would add ({@code +}), change ({@code ~}) or remove ({@code -}). */
    public record Change(char kind, String file) {
        @Override
        public String toString() {
            return kind + " " + file;
        }
    }

    /** What a push would do against the store as read at {@code revision}. */
    public record Plan(long revision, long manifestRevision, List<Change> changes, DataFiles files, List<AssetManifest.Asset> assets) {
    }

    private Push() {
    }

    /** Loads {@code dir} (refusing broken data) and compares it with the store. */
    public static Plan plan(Client client, EtcdTarget target, Path dir) {
        DataDir.load(dir); // the same checks a server makes when it loads a snapshot
        DataFiles local = DataFiles.read(dir);
        StoredData stored = StoredData.read(client.getKVClient(), target, TIMEOUT);
        List<Change> changes = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : local.files().entrySet()) {
            byte[] before = stored.files().files().get(e.getKey());
            if (before == null) {
                changes.add(new Change('+', e.getKey()));
            } else if (!Arrays.equals(before, e.getValue())) {
                changes.add(new Change('~', e.getKey()));
            }
        }
        stored.files().files().keySet().stream().filter(f -> !local.files().containsKey(f)).forEach(f -> changes.add(new Change('-', f)));
        return new Plan(stored.revision(), stored.manifestRevision(), changes, local, new AssetManifest().of(dir));
    }

    /** Writes {@code plan} in one transaction; returns the revision written. */
    public static long commit(Client client, EtcdTarget target, Plan plan, String by, boolean force) {
        List<Op> ops = new ArrayList<>();
        for (Change c : plan.changes()) {
            var key = target.key(StoreKeys.key(c.file()));
            ops.add(c.kind() == '-' ? Op.delete(key, DeleteOption.DEFAULT)
                    : Op.put(key, io.etcd.jetcd.ByteSequence.from(plan.files().files().get(c.file())), PutOption.DEFAULT));
        }
        Manifest m = new Manifest(Instant.now().toString(), by, plan.manifestRevision(), plan.files().files().size(), plan.assets());
        ops.add(Op.put(target.key(StoreKeys.MANIFEST), io.etcd.jetcd.ByteSequence.from(m.bytes()), PutOption.DEFAULT));
        KV kv = client.getKVClient();
        var txn = kv.txn();
        if (!force) {
            txn = txn.If(new Cmp(target.key(StoreKeys.MANIFEST), Cmp.Op.EQUAL, CmpTarget.modRevision(plan.manifestRevision())));
        }
        TxnResponse r;
        try {
            r = txn.Then(ops.toArray(Op[]::new)).Else(Op.get(target.key(StoreKeys.MANIFEST), GetOption.DEFAULT)).commit()
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BootException(503, "interrupted while pushing to " + target + "; nothing or everything was written: run"
                    + " 'metalboot store diff' to see which", e);
        } catch (ExecutionException | TimeoutException e) {
            String why = e instanceof TimeoutException ? "no answer within " + TIMEOUT.toSeconds() + " s" : String.valueOf(e.getCause().getMessage());
            String hint = why.contains("too many operations") ? " (etcd takes at most --max-txn-ops operations in one transaction,"
                    + " 128 by default; this push needs " + ops.size() + ": raise it on every member)" : "";
            throw new BootException(503, "push to " + target + " failed: " + why + hint + "; one transaction, so nothing or everything"
                    + " was written: run 'metalboot store diff' to see which", e);
        }
        if (!r.isSucceeded()) {
            var now = r.getGetResponses().get(0).getKvs();
            String winner = now.isEmpty() ? "the data was removed"
                    : "revision " + now.get(0).getModRevision() + " was pushed"
                            + describe(Manifest.parse(now.get(0).getValue().getBytes(), target.prefix() + StoreKeys.MANIFEST));
            throw new BootException(409, "push refused: the store changed since this push read it at revision " + plan.revision() + " ("
                    + winner + "); run 'metalboot store diff' against the new data and push again, or --force to overwrite it");
        }
        return r.getHeader().getRevision();
    }

    private static String describe(Manifest m) {
        return (m.by().isEmpty() ? "" : " by " + m.by()) + (m.pushed().isEmpty() ? "" : " at " + m.pushed());
    }
}
