package io.metalboot.cli;

import picocli.CommandLine.Command;

@Command(name = "store", mixinStandardHelpOptions = true,
        description = {"Boot data in etcd, for several boot servers ('serve --store') serving the same groups, profiles and"
                + " templates. Keys: /metalboot/CLUSTER/groups/FILE, profiles/FILE, templates/ignition/NAME,"
                + " templates/generic/NAME (the files' bytes), manifest (the last push), progress/MAC (boot progress).", ""},
        subcommands = {StorePushCommand.class, StorePullCommand.class, StoreDiffCommand.class, StoreHistoryCommand.class},
        footer = {"", "Exit status: 0 ok, 1 failure (etcd unreachable, push refused), 2 bad input."})
final class StoreCommand {
}
