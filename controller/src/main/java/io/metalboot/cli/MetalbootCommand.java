package io.metalboot.cli;

import picocli.CommandLine.Command;

@Command(name = "metalboot", mixinStandardHelpOptions = true, version = "metalboot 0.1.0",
        description = {"Kubernetes on your own metal: router DHCP, iPXE boot server and PKI from one inventory file.", ""},
        subcommands = {CheckCommand.class, RenderCommand.class, PlanCommand.class, ApplyCommand.class, RollbackCommand.class,
                DiffCommand.class, HistoryCommand.class, RenderDataCommand.class, ServeCommand.class, StatusCommand.class, MachinesCommand.class, AdoptCommand.class, PkiCommand.class,
                TftpCommand.class, InitCommand.class, KubeconfigCommand.class, AssetsCommand.class, StoreCommand.class},
        footer = {"", "Exit status: 0 ok, 1 failure, 2 bad input (inventory, flags).",
                "Start with: metalboot check -c examples/home-lab/cluster.yaml"})
final class MetalbootCommand {
}
