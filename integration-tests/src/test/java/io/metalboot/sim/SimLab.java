package io.metalboot.sim;

import io.metalboot.cli.Cli;
import io.metalboot.router.history.Revision;
import io.metalboot.router.history.RevisionStore;
import io.metalboot.router.plan.RouterKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A simulated router of one kind in a directory of its own, the OpenSSH client authorized on it
 * ({@link OpenSsh}: key and known_hosts in {@link #dir}) and the example inventory pointed at it.
 */
final class SimLab implements AutoCloseable {
    public final RouterKind kind;
    public final Path dir;
    public final OpenSsh ssh;
    public final SimulatedRouter router;
    /** The example lab's inventory, pointed at {@link #router}. */
    public final Path inventory;

    private SimLab(RouterKind kind, Path dir, OpenSsh ssh, Path inventory) {
        this.kind = kind;
        this.dir = dir;
        this.ssh = ssh;
        this.router = ssh.router();
        this.inventory = inventory;
    }

    static SimLab start(RouterKind kind) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("simlab-" + kind.name().toLowerCase() + "-");
        OpenSsh ssh = OpenSsh.start(kind, dir);
        try {
            return new SimLab(kind, dir, ssh, LabDesired.inventoryFor(ssh.router(), dir));
        } catch (IOException | RuntimeException e) {
            ssh.close();
            throw e;
        }
    }

    /** {@code metalboot COMMAND -c INVENTORY MORE...}, in-process. */
    public Cli metalboot(String command, String... more) {
        List<String> args = new ArrayList<>(List.of(command, "-c", inventory.toString()));
        args.addAll(List.of(more));
        return Cli.run(args.toArray(String[]::new));
    }

    /** {@code metalboot apply} without asking, trusting the router's host key on first contact. */
    public Cli apply(String... more) {
        List<String> args = new ArrayList<>(List.of("--yes", "--trust-new-host-key"));
        args.addAll(List.of(more));
        return metalboot("apply", args.toArray(String[]::new));
    }

    /** The revisions recorded beside the inventory, oldest first. */
    public List<Revision> revisions() {
        return RevisionStore.beside(inventory).list();
    }

    @Override
    public void close() throws IOException {
        ssh.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // best effort, like a temporary directory: what is left is in the system's temporary directory
        }
    }
}
