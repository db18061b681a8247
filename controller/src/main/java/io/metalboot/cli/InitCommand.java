package io.metalboot.cli;

import io.metalboot.inventory.Inventory;
import io.metalboot.inventory.InventoryLoader;
import io.metalboot.pki.ClusterPki;
import io.metalboot.pki.ClusterPlan;
import io.metalboot.pki.Issuer;
import io.metalboot.pki.KeySpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "init", mixinStandardHelpOptions = true,
        description = {"Start a project for the seed's lab in DIR: an editable cluster.yaml, the boot data (groups, profiles,"
                + " Ignition templates for Flatcar and Kubernetes, tftpboot/), and the cluster's certificates in pki/.", "",
                "DIR is then both the project and the data dir 'metalboot serve' reads. An existing cluster.yaml is never"
                        + " overwritten.", ""},
        footer = {"", "Exit status: 0 done, 1 failure, 2 bad input (cluster.yaml exists, bad flag)."})
final class InitCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", defaultValue = ".", description = "Project directory (default: the current one).")
    Path dir;

    @Option(names = "--router", paramLabel = "KIND", defaultValue = "edgeos", description = "edgeos or openwrt (default: ${DEFAULT-VALUE}).")
    String router;

    @Option(names = "--ipxe-from", paramLabel = "DIR", description = "Copy the iPXE binaries from DIR (default: Debian's ipxe package).")
    Optional<Path> ipxeFrom;

    @Override
    public Integer call() throws IOException {
        if (!router.equals("edgeos") && !router.equals("openwrt")) {
            throw new BadInputException("--router '" + router + "' is not a router kind (expected edgeos or openwrt)");
        }
        Path inventoryFile = dir.resolve("cluster.yaml");
        if (Files.exists(inventoryFile)) {
            throw new BadInputException(inventoryFile + " exists; init never overwrites it. To redo the data and certificates from it:"
                    + " metalboot render-data -c " + inventoryFile + " --out " + dir + " and metalboot pki cluster -c " + inventoryFile
                    + " --out " + dir.resolve("pki"));
        }
        String text = template();
        if (router.equals("openwrt")) {
            text = text.replace("  kind: edgeos                   # edgeos | openwrt", "  kind: openwrt                  # edgeos | openwrt")
                    .replace("  user: ubnt\n", "  user: root\n");
        }
        Inventory inv = InventoryLoader.parse(inventoryFile.toString(), text);
        Files.createDirectories(dir);
        Files.writeString(inventoryFile, text, StandardCharsets.UTF_8);
        PrintWriter o = spec.commandLine().getOut();
        o.printf("wrote %s (the seed's lab: %d machines, %s router, Flatcar %s %s)%n", inventoryFile, inv.machines().size(), router,
                inv.os().channel(), inv.os().version());
        RenderDataCommand.write(inv, dir, ipxeFrom, o);
        Path pki = dir.resolve("pki");
        var outcomes = new ClusterPki(pki, new Issuer(Clock.systemUTC()), KeySpec.DEFAULT).run(ClusterPlan.of(inv, KeySpec.DEFAULT), Set.of(), false);
        o.printf("made %d certificates and keys in %s (keys mode 0600; the CA key never leaves it)%n", outcomes.size(), pki);
        String c = inventoryFile.toString();
        o.println();
        o.println("Next steps:");
        o.printf("  1. Edit %s: your machines' MACs and addresses, the router, ssh.authorizedKeys. After every edit:%n", c);
        o.printf("       metalboot render-data -c %s --out %s && metalboot pki cluster -c %s --out %s%n", c, dir, c, pki);
        o.printf("  2. Fetch Flatcar's PXE kernel and initrd (signatures checked):%n");
        o.printf("       metalboot assets fetch flatcar --channel %s --version %s --dir %s%n", inv.os().channel(), inv.os().version(), dir);
        o.printf("  3. Point the router's DHCP at the boot server: metalboot plan -c %s, then metalboot apply -c %s%n", c, c);
        o.printf("  4. Serve the boots (on the laptop, %s):%n", inv.bootServer().address());
        o.printf("       metalboot serve --data %s -c %s --http %s:%d --tftp %s:69%n", dir, c, inv.bootServer().address(),
                inv.bootServer().httpPort(), inv.bootServer().address());
        o.printf("  5. Power the machines on; watch them with: metalboot status%n");
        o.printf("  6. metalboot kubeconfig -c %s && kubectl --kubeconfig %s get nodes%n", c, dir.resolve("kubeconfig"));
        o.flush();
        return 0;
    }

    private static String template() throws IOException {
        try (InputStream in = InitCommand.class.getResourceAsStream("/metalboot/init/cluster.yaml")) {
            if (in == null) {
                throw new IllegalStateException("metalboot/init/cluster.yaml is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
