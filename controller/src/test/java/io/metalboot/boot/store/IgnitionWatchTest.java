package io.metalboot.boot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metalboot.boot.Labels;
import io.metalboot.boot.ServedProject;
import io.metalboot.boot.render.IgnitionConfig;
import io.metalboot.boot.select.Match;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file store's watch keeps the Ignition cache honest without a look at the disk per request: a renewed key in pki/
 * is served as soon as the watch reads the event, and when events are lost (the kernel's OVERFLOW) nothing cached is
 * trusted until its files are checked again.
 */
class IgnitionWatchTest {
    private static final Labels WORKER = Labels.of(Map.of("mac", List.of("00:00:00:00:00:11"), "os", List.of("installed")),
            "mac=00:00:00:00:00:11&os=installed");
    private static final String KEY = "pki/kubelet-kube-worker-1-key.pem";

    @TempDir
    Path dir;

    @Test
    void aRenewedKeyIsServedOnceTheWatchSeesIt() throws Exception {
        ServedProject.metalboot("init", dir.toString());
        try (FileStore store = new FileStore(dir)) {
            String first = ignition(store);
            assertSame(first, ignition(store), "the second hit checks the files once and trusts the answer");
            assertEquals(1, store.snapshot().translated().trusted());
            String oldKey = Files.readString(dir.resolve(KEY));

            ServedProject.metalboot("pki", "cluster", "-c", dir.resolve("cluster.yaml").toString(), "--out",
                    dir.resolve("pki").toString(), "--renew", "kubelet-kube-worker-1");
            assertTrue(untrustedWithin(store, 2_000), "the watch saw no change in pki/ after a renewal");
            String renewed = ignition(store);
            String newKey = Files.readString(dir.resolve(KEY));
            assertNotEquals(oldKey, newKey);
            assertTrue(renewed.contains(dataUrlOf(newKey)) && !renewed.contains(dataUrlOf(oldKey)));
        }
    }

    @Test
    void lostEventsMakeEveryAnswerCheckItsFilesAgain() throws Exception {
        ServedProject.metalboot("init", dir.toString());
        // a second name for the key outside every watched directory: a write through it changes the file and no watch
        // sees it, which is what a lost event looks like to the cache
        Path elsewhere = Files.createDirectory(dir.resolve("elsewhere")).resolve("key.pem");
        Files.createLink(elsewhere, dir.resolve(KEY));
        try (FileStore store = new FileStore(dir)) {
            String first = ignition(store);
            String trusted = ignition(store);
            for (int i = 0; i < 200 && store.snapshot().translated().trusted() == 0; i++) { // a late event from the link
                Thread.sleep(10);
                trusted = ignition(store);
            }
            assertEquals(1, store.snapshot().translated().trusted());
            assertEquals(first, trusted);

            String newKey = Files.readString(dir.resolve("pki/kube-proxy-kube-master-key.pem")); // another machine's key
            assertNotEquals(Files.readString(dir.resolve(KEY)), newKey);
            Files.writeString(elsewhere, newKey); // in place: same inode, new size and time
            assertFalse(ignition(store).contains(dataUrlOf(newKey)), "no watch saw the write, so the cached answer is still trusted");

            store.eventsLost(); // what the watch does on OVERFLOW
            assertEquals(0, store.snapshot().translated().trusted());
            assertTrue(ignition(store).contains(dataUrlOf(newKey)), "after lost events the files are checked and the new key served");
        }
    }

    private static String ignition(FileStore store) {
        return IgnitionConfig.of(Match.of(store.snapshot(), WORKER));
    }

    /** Polls (bounded) until the watch has moved the cache's generation on. */
    private static boolean untrustedWithin(FileStore store, int tries) throws InterruptedException {
        for (int i = 0; i < tries; i++) {
            if (store.snapshot().translated().trusted() == 0) {
                return true;
            }
            Thread.sleep(5);
        }
        return false;
    }

    /** How Ignition inlines contents, to look for a file in the JSON. */
    private static String dataUrlOf(String text) {
        return "data:," + URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
