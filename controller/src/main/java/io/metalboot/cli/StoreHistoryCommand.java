package io.metalboot.cli;

import io.etcd.jetcd.Client;
import io.metalboot.boot.store.EtcdTarget;
import io.metalboot.boot.store.Pull;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "history", mixinStandardHelpOptions = true,
        description = {"The pushes etcd still remembers, newest first: revision, time, who, files. Older revisions that etcd"
                + " compacted away are said so.", ""},
        footer = {"", "Exit status: 0 ok, 1 failure, 2 bad input."})
final class StoreHistoryCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--etcd", paramLabel = "URL", required = true, description = "etcd://HOST:PORT,HOST:PORT/CLUSTER")
    String etcd;

    @Option(names = "--max", defaultValue = "20", description = "At most this many pushes (default: ${DEFAULT-VALUE}).")
    int max;

    @Mixin
    StoreOptions options;

    @Override
    public Integer call() {
        EtcdTarget target = options.target("--etcd", etcd);
        var out = spec.commandLine().getOut();
        try (Client client = target.client()) {
            var pushes = Pull.history(client, target, max);
            if (pushes.isEmpty()) {
                out.println("nothing was pushed to " + target + " yet");
            }
            for (Pull.Pushed p : pushes) {
                if (p.compacted()) {
                    out.printf("revision %d and older: compacted by etcd (no longer kept)%n", p.revision());
                } else {
                    out.print(Style.safe(String.format("revision %d  %s  %s  %d file(s)", p.revision(), p.pushed(), p.by(), p.files()))
                            + System.lineSeparator());
                }
            }
        }
        out.flush();
        return 0;
    }
}
