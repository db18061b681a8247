package io.metalboot.cli;

import io.etcd.jetcd.Client;
import io.metalboot.boot.DataFiles;
import io.metalboot.boot.store.EtcdTarget;
import io.metalboot.boot.store.Pull;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "pull", mixinStandardHelpOptions = true,
        description = {"Write the store's groups, profiles and templates into a directory, byte for byte as pushed.", ""},
        footer = {"", "Exit status: 0 ok, 1 failure, 2 bad input (the directory holds boot data already)."})
final class StorePullCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "Where to write (new, or without groups/, profiles/, ignition/, generic/).")
    Path dir;

    @Option(names = "--etcd", paramLabel = "URL", required = true, description = "etcd://HOST:PORT,HOST:PORT/CLUSTER")
    String etcd;

    @Mixin
    StoreOptions options;

    @Override
    public Integer call() throws Exception {
        EtcdTarget target = options.target("--etcd", etcd);
        for (String sub : DataFiles.DIRS) {
            if (Files.exists(dir.resolve(sub))) {
                throw new BadInputException(dir.resolve(sub) + " exists; pull into a new directory (nothing is overwritten)");
            }
        }
        try (Client client = target.client()) {
            DataFiles files = Pull.files(client, target);
            files.write(dir);
            spec.commandLine().getOut().printf("pulled %d file(s) from %s into %s%n", files.files().size(), target, dir);
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
