package io.metalboot.sim;

import io.metalboot.cli.Cli;
import io.metalboot.router.history.Revision;
import io.metalboot.router.history.RevisionStore;
import io.metalboot.router.plan.RouterKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.awaitility.Awaitility;

/**
 * A simulated router holding the example lab ("old", applied by metalboot), the inventory that
 * changes it ("new": another boot server address, so the include files change too, a MAC change and
 * a global parameter fewer), and what the router's DHCP side looks like, for the transaction tests.
 */
final class TransactionLab implements AutoCloseable {
    final SimulatedRouter router;
    final Path dir;
    final Path oldInventory;
    final Path newInventory;

    private TransactionLab(SimulatedRouter router, Path dir, Path oldInventory, Path newInventory) {
        this.router = router;
        this.dir = dir;
        this.oldInventory = oldInventory;
        this.newInventory = newInventory;
    }

    /** A router in {@code dir} with the old inventory applied; {@code key} is a client key pair to copy in. */
    static TransactionLab start(RouterKind kind, Path dir, Path key) throws IOException {
        Files.createDirectories(dir);
        Files.copy(key, dir.resolve("id_ed25519"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.copy(Path.of(key + ".pub"), dir.resolve("id_ed25519.pub"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        SimulatedRouter router = SimulatedRouter.start(SimConfig.of(kind, dir.resolve("sim")));
        router.authorize(Files.readString(dir.resolve("id_ed25519.pub")));
        Path old = LabDesired.inventoryFor(router, dir);
        String text = Files.readString(old);
        Path changed = Files.writeString(dir.resolve("new.yaml"), text.replace("192.168.1.250", "192.168.1.240")
                .replace("mac: 00:00:00:00:00:12", "mac: 00:00:00:00:00:13").replace("      - \"deny bootp;\"\n", ""));
        TransactionLab lab = new TransactionLab(router, dir, old, changed);
        Cli first = apply(old);
        if (first.exitCode() != 0) {
            lab.close();
            throw new IllegalStateException("the old inventory did not apply: " + first.out() + first.err());
        }
        return lab;
    }

    /** A client key pair in {@code dir} (made with the real ssh-keygen once), to copy into each lab. */
    static Path key(Path dir) throws IOException, InterruptedException {
        Path key = dir.resolve("id_ed25519");
        if (!Files.exists(key)) {
            Process keygen = new ProcessBuilder(io.metalboot.router.RequiredTool.find("ssh-keygen", "openssh-client").path().toString(),
                    "-q", "-t", "ed25519", "-N", "", "-f", key.toString()).start();
            if (keygen.waitFor() != 0) {
                throw new IOException("ssh-keygen failed with status " + keygen.exitValue());
            }
        }
        return key;
    }

    static Cli apply(Path inventory, String... more) {
        List<String> args = new ArrayList<>(List.of("apply", "-c", inventory.toString(), "--yes", "--trust-new-host-key"));
        args.addAll(List.of(more));
        return Cli.run(args.toArray(String[]::new));
    }

    static Cli plan(Path inventory) {
        return Cli.run("plan", "-c", inventory.toString(), "--trust-new-host-key");
    }

    RouterKind kind() {
        return router.kind() == RouterKind.EDGEOS ? RouterKind.EDGEOS : RouterKind.OPENWRT;
    }

    /** The router's whole DHCP side: running and saved configuration, the daemon's config, the include files, staged uci changes. */
    String dhcpSide() throws IOException {
        TreeMap<String, String> parts = new TreeMap<>();
        parts.put("active", router.activeConfig());
        parts.put("saved", router.savedConfig());
        parts.put("daemon", router.dhcpConfig());
        parts.put("running", Boolean.toString(router.dhcpRunning()));
        for (String dir : List.of("/config/scripts", "/tmp/.uci")) {
            if (router.fs().isDirectory(dir)) {
                for (String name : router.fs().list(dir)) {
                    parts.put(dir + "/" + name, router.fs().read(dir + "/" + name));
                }
            }
        }
        return parts.toString();
    }

    /**
     * Waits (bounded) until no transaction of metalboot is undecided on the router and the lock is
     * free; what is left otherwise (lock owner, undecided transactions and their files).
     */
    Optional<String> awaitQuiet() throws IOException {
        try {
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(this::quiet);
            return Optional.empty();
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            String backups = kind().stateDir() + "/backup";
            StringBuilder left = new StringBuilder("not quiet after 30 s: lock ");
            left.append(router.fs().exists(kind().lockDir() + "/owner") ? router.fs().read(kind().lockDir() + "/owner").strip() : "-");
            for (String tx : router.fs().isDirectory(backups) ? router.fs().list(backups) : List.<String>of()) {
                left.append("; ").append(tx).append(": ").append(router.fs().list(backups + "/" + tx));
            }
            return Optional.of(left.toString());
        }
    }

    private boolean quiet() throws IOException {
        String backups = kind().stateDir() + "/backup";
        if (router.fs().exists(kind().lockDir())) {
            return false;
        }
        if (!router.fs().isDirectory(backups)) {
            return true;
        }
        for (String tx : router.fs().list(backups)) {
            if (router.fs().exists(backups + "/" + tx + "/watchdog.pid") && !router.fs().exists(backups + "/" + tx + "/outcome")) {
                return false;
            }
        }
        return true;
    }

    /** The newest revision in the local history, if any. */
    Optional<Revision> lastRevision() {
        List<Revision> all = RevisionStore.beside(oldInventory).list();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.getLast());
    }

    @Override
    public void close() {
        router.close();
    }
}
