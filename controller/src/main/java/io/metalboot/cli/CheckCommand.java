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
        out.flush();
        return 0;
    }
}
