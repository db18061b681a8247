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
                    + " and the groups, profiles and templates must load.")
    java.util.Optional<java.nio.file.Path> data;

    @Override
    public Integer call() {
        Inventory inv = inventory.load();
        String roles = Arrays.stream(Machine.Role.values())
                .map(r -> r.label() + " " + inv.machines().stream().filter(m -> m.role() == r).count())
                .filter(s -> !s.endsWith(" 0"))
                .collect(Collectors.joining(", "));
        var out = spec.commandLine().getOut();
        out.printf("%s: ok: cluster %s, %d machines (%s), %s router %s, boot server %s%n", inventory.file,
                inv.cluster().name(), inv.machines().size(), roles, inv.router().kind().label(),
                inv.router().address(), inv.bootServer().baseUrl());
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
            out.printf("%s: %d groups, %d profiles%n", data.get(), dir.groups().size(), dir.profiles().size());
        }
        out.flush();
        return 0;
    }
}
