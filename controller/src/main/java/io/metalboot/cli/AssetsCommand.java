package io.metalboot.cli;

import picocli.CommandLine.Command;

@Command(name = "assets", mixinStandardHelpOptions = true,
        description = {"OS images for the boot server's /assets/, downloaded and checked against their publisher's signature.", ""},
        subcommands = {AssetsFetchCommand.class},
        footer = {"", "Exit status: 0 ok, 1 failure (network, server, bad signature), 2 bad input (flags, key file)."})
final class AssetsCommand {
}
