package io.metalboot.cli;

import io.metalboot.inventory.Inventory;
import io.metalboot.pki.AdminKubeconfig;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "kubeconfig", mixinStandardHelpOptions = true,
        description = {"Write the admin kubeconfig: the API server (the first master, port 6443), the cluster CA and the admin"
                + " client certificate from 'pki cluster', embedded. Written mode 0600.", ""},
        footer = {"", "Then: kubectl --kubeconfig FILE get nodes", "Exit status: 0 written, 1 failure, 2 bad input (no master, no pki)."})
final class KubeconfigCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    InventoryOption inventory;

    @Option(names = "--pki", paramLabel = "DIR",
            description = "Where 'pki cluster' wrote ca.pem, admin.pem and admin-key.pem (default: pki/ beside the inventory).")
    Optional<Path> pki;

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write it (default: kubeconfig beside the inventory; - for stdout).")
    Optional<Path> out;

    @Override
    public Integer call() {
        Inventory inv = inventory.load();
        Path beside = inventory.file.toAbsolutePath().getParent();
        Path dir = pki.orElse(beside.resolve("pki"));
        if (out.isPresent() && out.get().toString().equals("-")) {
            spec.commandLine().getOut().print(AdminKubeconfig.render(inv, dir));
            spec.commandLine().getOut().flush();
            return 0;
        }
        Path file = out.orElse(beside.resolve("kubeconfig"));
        AdminKubeconfig.write(inv, dir, file);
        var o = spec.commandLine().getOut();
        o.printf("wrote %s (server %s, user admin, mode 0600)%n", file, AdminKubeconfig.server(inv));
        o.printf("try: kubectl --kubeconfig %s get nodes%n", file);
        o.flush();
        return 0;
    }
}
