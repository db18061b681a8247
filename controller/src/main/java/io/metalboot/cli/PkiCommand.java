package io.metalboot.cli;

import picocli.CommandLine.Command;

@Command(name = "pki", mixinStandardHelpOptions = true,
        description = {"The cluster's TLS material, made in-process: cfssl's gencert with its own JSON files,"
                + " or everything the cluster needs from the inventory.", ""},
        subcommands = {PkiGencertCommand.class, PkiClusterCommand.class, PkiCheckCommand.class},
        footer = {"", "Exit status: 0 ok, 1 failure, 2 bad input (JSON files, flags, inventory)."})
final class PkiCommand {
}
