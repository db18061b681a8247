package io.metalboot.boot.ignition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metalboot.inventory.InventoryLoader;
import io.metalboot.pki.ClusterPki;
import io.metalboot.pki.ClusterPlan;
import io.metalboot.pki.Issuer;
import io.metalboot.pki.KeySpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Butane's contents.local as the boot server reads it: inside the data dir only, never a CA key, keys mode 0600. */
class LocalFilesTest {
    @TempDir
    Path dir;

    @BeforeEach
    void pki() {
        new ClusterPki(dir.resolve("pki"), new Issuer(Clock.systemUTC()), KeySpec.DEFAULT)
                .run(ClusterPlan.of(InventoryLoader.load(Path.of("../examples/home-lab/cluster.yaml")), KeySpec.DEFAULT), Set.of(), false);
    }

    String render(String path, String mode, String local) {
        return Ignition.of("k.yaml", "variant: flatcar\nversion: 1.0.0\nstorage:\n  files:\n    - path: " + path + "\n"
                + (mode.isEmpty() ? "" : "      mode: " + mode + "\n") + "      contents:\n        local: " + local + "\n", LocalFiles.under(dir));
    }

    String error(String path, String mode, String local) {
        return assertThrows(IgnitionException.class, () -> render(path, mode, local)).getMessage();
    }

    @Test
    void aNodeKeyIsInlinedWithItsMode() throws Exception {
        String json = render("/etc/kubernetes/pki/kubelet-key.pem", "0600", "pki/kubelet-kube-master-key.pem");
        assertTrue(json.contains("\"mode\":384"), json);
        assertTrue(json.contains("PRIVATE%20KEY"), json);
    }

    @Test
    void theCaKeyIsNeverEmbedded() {
        assertEquals("k.yaml:8: contents.local 'pki/ca-key.pem' is the private key of the CA ca.pem (CN=home-lab CA,O=metalboot);"
                + " a machine's Ignition never carries it: give nodes the CA certificate (ca.pem) and their own keys only",
                error("/etc/ca-key.pem", "0600", "pki/ca-key.pem"));
    }

    @Test
    void aKeyReadableByOthersIsRefused() {
        assertEquals("k.yaml:8: /etc/k.pem holds a private key but its mode is 0644; give it mode: 0600",
                error("/etc/k.pem", "0644", "pki/admin-key.pem"));
        assertEquals("k.yaml:7: /etc/k.pem holds a private key but its mode is not set (Ignition's default is 0644); give it mode: 0600",
                error("/etc/k.pem", "", "pki/admin-key.pem"));
    }

    @Test
    void pathsStayInsideTheDataDir() throws Exception {
        assertEquals("k.yaml:8: contents.local '../x' must be a path inside " + dir + " (relative, without ..), e.g. pki/ca.pem",
                error("/etc/x", "0644", "../x"));
        assertEquals("k.yaml:8: contents.local '/etc/passwd' must be a path inside " + dir + " (relative, without ..), e.g. pki/ca.pem",
                error("/etc/x", "0644", "/etc/passwd"));
        Files.createSymbolicLink(dir.resolve("out"), Path.of("/etc/hostname"));
        assertTrue(error("/etc/x", "0644", "out").startsWith("k.yaml:8: contents.local 'out' leads out of " + dir), "symlink");
        assertTrue(error("/etc/x", "0644", "nothere").startsWith("k.yaml:8: contents.local 'nothere': no file " + dir.resolve("nothere")));
    }

    @Test
    void withoutADataDirLocalIsAnError() {
        assertEquals("k.yaml:7: contents.local 'pki/ca.pem' needs a files directory; this config is not rendered from a data dir"
                + " (use inline: or source:)", assertThrows(IgnitionException.class, () -> Ignition.of("k.yaml",
                "variant: flatcar\nversion: 1.0.0\nstorage:\n  files:\n    - path: /etc/ca.pem\n      contents:\n        local: pki/ca.pem\n"))
                .getMessage());
    }

    record Copy(String name, String local, String how) {
    }

    static java.util.stream.Stream<Copy> caKeyCopies() {
        return java.util.stream.Stream.of(new Copy("a symbolic link", "pki/ca-link.pem", "symlink"),
                new Copy("a hard link", "pki/cahard", "hardlink"),
                new Copy("a renamed copy", "pki/ca-copy.key", "copy"),
                new Copy("a copy outside pki/", "keys/x.pem", "copy"));
    }

    /** The CA key under another name is still the CA key: refused by what it is. */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.MethodSource("caKeyCopies")
    void theCaKeyUnderAnyNameIsNeverEmbedded(Copy c) throws Exception {
        Path ca = dir.resolve("pki/ca-key.pem");
        Path to = dir.resolve(c.local());
        Files.createDirectories(to.getParent());
        switch (c.how()) {
            case "symlink" -> Files.createSymbolicLink(to, Path.of("ca-key.pem"));
            case "hardlink" -> Files.createLink(to, ca);
            default -> {
                Files.copy(ca, to);
                Files.setPosixFilePermissions(to, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            }
        }
        assertEquals("k.yaml:8: contents.local '" + c.local() + "' is the private key of the CA ca.pem (CN=home-lab CA,O=metalboot);"
                + " a machine's Ignition never carries it: give nodes the CA certificate (ca.pem) and their own keys only",
                error("/etc/ca-key.pem", "0600", c.local()));
    }

    @Test
    void aKeyFileOthersCanReadIsRefused() throws Exception {
        Path key = dir.resolve("pki/kubelet-kube-master-key.pem");
        Files.setPosixFilePermissions(key, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        assertEquals("k.yaml:8: contents.local 'pki/kubelet-kube-master-key.pem' holds a private key that users other than its"
                + " owner can read (" + key.toRealPath() + " is mode rw-r--r--); make it private: chmod 600 " + key.toRealPath(),
                error("/etc/kubernetes/pki/kubelet-key.pem", "0600", "pki/kubelet-kube-master-key.pem"));
    }
}
