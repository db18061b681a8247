package io.metalboot.cli;

import io.metalboot.inventory.Inventory;
import io.metalboot.router.change.LiveReader;
import io.metalboot.router.change.RouterChangeRun;
import io.metalboot.router.history.RevisionStore;
import io.metalboot.router.ssh.RouterSession;
import io.metalboot.router.transaction.Reading;
import io.metalboot.routercfg.RouterTemplates;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "apply", mixinStandardHelpOptions = true,
        description = {"Make the router's DHCP configuration match the inventory, safely.", "",
                "Over one SSH connection: read and plan (as plan does), then lock the router, snapshot its"
                        + " configuration, arm a router-side watchdog that reverts to the snapshot unless confirmed,"
                        + " commit, read back and verify (DHCP daemon running, nothing left to change), and confirm."
                        + " Any doubt reverts at once. Each apply is recorded in .metalboot/revisions/ beside the"
                        + " inventory.", ""},
        footer = {"", "Exit status: 0 applied or up to date, 1 failed or reverted, 2 bad inventory or flag."})
final class ApplyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    InventoryOption inventory;

    @Mixin
    RouterOptions router;

    @Option(names = "--templates", paramLabel = "DIR", description = "Override bundled templates (see render --help).")
    Optional<Path> templates;

    @Mixin
    ChangeOptions change;

    @Override
    public Integer call() {
        RouterChange.Settings settings = change.settings();
        Inventory inv = RouterOptions.reachable(inventory.load(), "apply");
        LiveReader reader = SettledRead.forInventory(inv, new RouterTemplates(templates));
        try (RouterSession session = router.open(inv)) {
            RouterChangeRun run = new RouterChangeRun(session, reader, RevisionStore.beside(inventory.file), RouterOptions.id(inv));
            Reading before = SettledRead.read(run, spec.commandLine().getErr());
            return RouterOptions.change(spec, inv, settings).run(run, before, Optional.empty(), "apply");
        }
    }
}
