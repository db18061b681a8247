package io.metalboot.pki;

import io.metalboot.inventory.Inventory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The admin's kubeconfig: the API server of the inventory's first master, the cluster CA and the
 * {@code admin} client certificate (O system:masters) made by {@code pki cluster}, all embedded so
 * the file works from any directory. Written 0600: it holds the admin key.
 */
public final class AdminKubeconfig {
    private AdminKubeconfig() {
    }

    /** The API server URL machines and kubectl use: the first master's address, port 6443. */
    public static String server(Inventory inv) {
        return inv.apiServer().orElseThrow(() -> PkiException.input(inv.source() + ": no machine has role master, so there is no API"
                + " server for a kubeconfig; give one machine role: master"));
    }

    public static String render(Inventory inv, Path pki) {
        String cluster = inv.cluster().name();
        String user = "admin@" + cluster;
        Map<String, Object> clusterEntry = new LinkedHashMap<>();
        clusterEntry.put("certificate-authority-data", base64(pki.resolve("ca.pem")));
        clusterEntry.put("server", server(inv));
        Map<String, Object> userEntry = new LinkedHashMap<>();
        userEntry.put("client-certificate-data", base64(pki.resolve("admin.pem")));
        userEntry.put("client-key-data", base64(pki.resolve("admin-key.pem")));
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("cluster", cluster);
        context.put("user", user);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("apiVersion", "v1");
        doc.put("kind", "Config");
        doc.put("clusters", List.of(Map.of("name", cluster, "cluster", clusterEntry)));
        doc.put("users", List.of(Map.of("name", user, "user", userEntry)));
        doc.put("contexts", List.of(Map.of("name", user, "context", context)));
        doc.put("current-context", user);
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setWidth(Integer.MAX_VALUE);
        return new Yaml(options).dump(doc);
    }

    public static void write(Inventory inv, Path pki, Path out) {
        SecretFiles.write(out, render(inv, pki), true);
    }

    private static String base64(Path file) {
        try {
            return Base64.getEncoder().encodeToString(Files.readString(file, StandardCharsets.US_ASCII).getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchFileException e) {
            throw PkiException.input("no " + file + "; make the cluster's certificates first: metalboot pki cluster -c CLUSTER.yaml --out "
                    + file.getParent());
        } catch (IOException e) {
            throw PkiException.failure("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
