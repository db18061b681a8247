package io.metalboot.boot.store;

import io.etcd.jetcd.Client;
import io.etcd.jetcd.kv.GetResponse;
import io.etcd.jetcd.options.GetOption;
import io.metalboot.boot.BootException;
import io.metalboot.boot.DataFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** {@code store pull} and {@code store history}: the data as stored, and the pushes etcd still remembers. */
public final class Pull {
    /** One push: the revision it wrote and what its manifest says; {@code compacted} when etcd no longer has it. */
    public record Pushed(long revision, String pushed, String by, int files, boolean compacted) {
    }

    private Pull() {
    }

    /** The data files at the store's current revision, and that revision. */
    public static DataFiles files(Client client, EtcdTarget target) {
        return StoredData.read(client.getKVClient(), target, Push.TIMEOUT).files();
    }

    public static long revision(Client client, EtcdTarget target) {
        return StoredData.read(client.getKVClient(), target, Push.TIMEOUT).revision();
    }

    /** The pushes, newest first, at most {@code max}: each manifest names the one it replaced. */
    public static List<Pushed> history(Client client, EtcdTarget target, int max) {
        List<Pushed> out = new ArrayList<>();
        long at = 0; // 0: the current manifest
        for (int i = 0; i < max; i++) {
            GetResponse r;
            try {
                r = client.getKVClient().get(target.key(StoreKeys.MANIFEST), GetOption.builder().withRevision(at).build())
                        .get(Push.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw StoredData.unreachable(target, e);
            } catch (ExecutionException e) {
                if (String.valueOf(e.getCause().getMessage()).contains("compacted")) {
                    out.add(new Pushed(at, "", "", 0, true));
                    break;
                }
                throw StoredData.unreachable(target, e);
            } catch (TimeoutException e) {
                throw StoredData.unreachable(target, e);
            }
            if (r.getKvs().isEmpty()) {
                break;
            }
            var kv = r.getKvs().get(0);
            Manifest m = Manifest.parse(kv.getValue().getBytes(), target.prefix() + StoreKeys.MANIFEST);
            out.add(new Pushed(kv.getModRevision(), m.pushed(), m.by(), m.files(), false));
            if (m.replaced() <= 0) {
                break;
            }
            at = m.replaced();
        }
        return out;
    }

    static BootException notPushed(EtcdTarget target) {
        return new BootException(404, "nothing was pushed to " + target + " yet (metalboot store push DATA --etcd " + target + ")");
    }
}
