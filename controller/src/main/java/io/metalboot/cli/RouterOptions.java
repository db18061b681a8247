package io.metalboot.cli;

import io.metalboot.inventory.Inventory;
import io.metalboot.router.ssh.Credentials;
import io.metalboot.router.ssh.HostKeyPolicy;
import io.metalboot.router.ssh.RouterSession;
import io.metalboot.router.ssh.RouterTarget;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * How to reach the inventory's router. The password, if any, comes only from the environment
 * variable METALBOOT_ROUTER_PASSWORD, never from a flag.
 */
final class RouterOptions {
    @Option(names = "--trust-new-host-key",
            description = "Accept and record the router's host key if known_hosts has none for it (trust on first use)."
                    + " A changed key is always refused.")
    boolean trustNewHostKey;

    /**
     * The inventory, when it lets metalboot reach its router; with {@code router.kind: none} the
     * command is refused (exit 2) before anything connects.
     */
    static Inventory reachable(Inventory inv, String command) {
        if (inv.router().kind() == io.metalboot.router.plan.RouterKind.NONE) {
            throw new BadInputException(command + ": " + inv.source() + " sets router.kind none, so metalboot never connects to the"
                    + " router and has nothing to " + command + "; boot the machines with 'metalboot serve --proxy-dhcp' beside the"
                    + " router's own DHCP server (README: No router access)");
        }
        return inv;
    }

    /** How revisions name the router: {@code user@address:port}. */
    static String id(Inventory inv) {
        return inv.router().user() + "@" + inv.router().address() + ":" + inv.router().port();
    }

    /** {@code edgeos router ubnt@192.168.1.1:22}, as messages name the router. */
    static String where(Inventory inv) {
        return inv.router().kind().label() + " router " + id(inv);
    }

    /** The apply/rollback runner for the inventory's router, printing through {@code spec}. */
    static RouterChange change(picocli.CommandLine.Model.CommandSpec spec, Inventory inv, RouterChange.Settings settings) {
        return new RouterChange(spec.commandLine().getOut(), spec.commandLine().getErr(), settings, where(inv), id(inv),
                inv.router().kind().label());
    }

    /** Opens the one SSH connection a command uses. */
    RouterSession open(Inventory inv) {
        Inventory.Router r = inv.router();
        RouterTarget target = RouterTarget.of(r.address(), r.user()).withPort(r.port()).withLegacySshRsa(r.legacySshRsa());
        if (r.identity().isPresent()) {
            target = target.withIdentity(home(r.identity().get()));
        }
        if (r.knownHosts().isPresent()) {
            target = target.withKnownHosts(home(r.knownHosts().get()));
        }
        return RouterSession.open(target, Credentials.fromEnvironment(),
                trustNewHostKey ? HostKeyPolicy.TRUST_NEW : HostKeyPolicy.STRICT);
    }

    /** {@code ~/x} in the inventory means the user's home. */
    private static Path home(String path) {
        return path.startsWith("~/") ? Path.of(System.getProperty("user.home"), path.substring(2)) : Path.of(path);
    }
}
