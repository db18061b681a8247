package io.metalboot.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A translation is reused only while the files it read are unchanged: a renewed key is served at once, a deleted one fails. */
class IgnitionCacheTest {
    @TempDir
    Path dir;

    @Test
    void reusedUntilAFileItReadChanges() throws Exception {
        ServedProject.metalboot("init", dir.toString());
        DataDir data = DataDir.load(dir);
        io.metalboot.boot.select.Match worker = io.metalboot.boot.select.Match.of(data, Labels.of(Map.of("mac", List.of("00:00:00:00:00:11"), "os", List.of("installed")),
                "mac=00:00:00:00:00:11&os=installed"));
        String first = io.metalboot.boot.render.IgnitionConfig.of(worker);
        assertSame(first, io.metalboot.boot.render.IgnitionConfig.of(worker), "the same translation, not made again");
        assertEquals(1, data.translated().size());

        String oldKey = Files.readString(dir.resolve("pki/kubelet-kube-worker-1-key.pem"));
        ServedProject.metalboot("pki", "cluster", "-c", dir.resolve("cluster.yaml").toString(), "--out", dir.resolve("pki").toString(),
                "--renew", "kubelet-kube-worker-1");
        String renewed = io.metalboot.boot.render.IgnitionConfig.of(worker);
        assertNotEquals(first, renewed);
        String newKey = Files.readString(dir.resolve("pki/kubelet-kube-worker-1-key.pem"));
        assertTrue(renewed.contains(dataUrlOf(newKey)) && !renewed.contains(dataUrlOf(oldKey)));

        Files.delete(dir.resolve("pki/kube-proxy-kube-worker-1.pem"));
        assertTrue(assertThrows(BootException.class, () -> io.metalboot.boot.render.IgnitionConfig.of(worker)).getMessage()
                .contains("contents.local 'pki/kube-proxy-kube-worker-1.pem': no file"));
    }

    /** How Ignition inlines contents, to look for a file in the JSON. */
    private static String dataUrlOf(String text) {
        return "data:," + java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
