package io.metalboot.cli;

import io.metalboot.inventory.Inventory;
import io.metalboot.inventory.Machine;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Validate an inventory file strictly and report every problem at once.", "",
                "Each problem names file:line, the field, the bad value and what would be valid."
                        + " Nothing is written and no router is contacted.", ""},
        footer = {"", "Exit status: 0 valid, 2 the file has problems."})
final class CheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    InventoryOption inventory;

    @picocli.CommandLine.Option(names = "--data", paramLabel = "DIR",
            description = "Also check the boot server's data dir: the iPXE binaries the router config names must be in DIR/tftpboot,"
                    + " the groups, profiles and templates must load, and the Ignition every machine fetches (install and installed phase)"
                    + " must render, certificates included.")
    java.util.Optional<java.nio.file.Path> data;

    @Override
    public Integer call() {
        Inventory inv = inventory.load();
        String roles = Arrays.stream(Machine.Role.values())
                .map(r -> r.label() + " " + inv.machines().stream().filter(m -> m.role() == r).count())
                .filter(s -> !s.endsWith(" 0"))
                .collect(Collectors.joining(", "));
        var out = spec.commandLine().getOut();
        out.printf("%s: ok: cluster %s, %d machines (%s), %s, boot server %s%n", inventory.file,
                inv.cluster().name(), inv.machines().size(), roles, inv.router().kind() == io.metalboot.router.plan.RouterKind.NONE
                        ? "no router access (serve --proxy-dhcp)" : inv.router().kind().label() + " router " + inv.router().address(),
                inv.bootServer().baseUrl());
        inv.warnings().forEach(w -> out.println("warning: " + w));
        if (data.isPresent()) {
            io.metalboot.boot.DataDir dir = io.metalboot.boot.DataDir.load(data.get());
            dir.warnings().forEach(w -> out.println("warning: " + w));
            for (String name : java.util.List.of(io.metalboot.routercfg.TemplateData.BIOS_BINARY, io.metalboot.routercfg.TemplateData.EFI_BINARY)) {
                java.nio.file.Path file = data.get().resolve("tftpboot").resolve(name);
                if (!java.nio.file.Files.isRegularFile(file)) {
                    out.println("warning: " + file + " is missing, but the router hands it to PXE firmware that is not iPXE;"
                            + " copy it there with 'metalboot render-data -c " + inventory.file + " --out " + data.get()
                            + "' (from Debian's ipxe package) or 'metalboot tftp --data " + data.get() + " --ipxe-from DIR'");
                }
            }
            int broken = renderEveryMachine(inv, dir, out);
            out.printf("%s: %d groups, %d profiles%s%n", data.get(), dir.groups().size(), dir.profiles().size(),
                    broken == 0 ? ", every machine's Ignition renders" : "");
            if (broken > 0) {
                out.flush();
                throw new BadInputException(broken + " Ignition config" + (broken == 1 ? "" : "s") + " would fail at boot (listed above)");
            }
        }
        out.flush();
        return 0;
    }

    /** Renders what each machine fetches in both phases (mac, then mac + os=installed); prints each failure, returns how many. */
    private static int renderEveryMachine(Inventory inv, io.metalboot.boot.DataDir dir, java.io.PrintWriter out) {
        int broken = 0;
        for (Machine m : inv.machines()) {
            for (boolean installed : new boolean[] {false, true}) {
                String mac = m.mac().toString();
                java.util.Map<String, java.util.List<String>> query = installed
                        ? java.util.Map.of("mac", java.util.List.of(mac), "os", java.util.List.of("installed"))
                        : java.util.Map.of("mac", java.util.List.of(mac));
                io.metalboot.boot.Labels labels = io.metalboot.boot.Labels.of(query, "mac=" + mac + (installed ? "&os=installed" : ""));
                try {
                    io.metalboot.boot.select.Match match = io.metalboot.boot.select.Match.of(dir, labels);
                    if (match.profile().ignitionId().isPresent()) {
                        io.metalboot.boot.render.IgnitionConfig.of(match);
                    }
                } catch (io.metalboot.boot.BootException e) {
                    if (e.status() == 404) {
                        continue; // no group for this machine in this phase: nothing it would fetch
                    }
                    broken++;
                    out.println("error: " + m.name() + " (" + (installed ? "installed" : "install") + " phase): " + e.getMessage());
                }
            }
        }
        return broken;
    }
}
