package io.metalboot.cli;

import io.etcd.jetcd.Client;
import io.metalboot.boot.store.EtcdTarget;
import io.metalboot.boot.store.Push;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"What 'store push DATA' would change: one line per file, + added, ~ changed, - removed.", ""},
        footer = {"", "Exit status: 0 nothing to push, 3 changes to push, 1 failure, 2 bad input."})
final class StoreDiffCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DATA", description = "The data dir.")
    Path data;

    @Option(names = "--etcd", paramLabel = "URL", required = true, description = "etcd://HOST:PORT,HOST:PORT/CLUSTER")
    String etcd;

    @Mixin
    StoreOptions options;

    @Override
    public Integer call() {
        EtcdTarget target = options.target("--etcd", etcd);
        try (Client client = target.client()) {
            Push.Plan plan = Push.plan(client, target, data);
            var out = spec.commandLine().getOut();
            if (plan.changes().isEmpty()) {
                out.printf("no changes: %s at revision %d holds %s%n", target, plan.revision(), data);
            } else {
                plan.changes().forEach(out::println);
            }
            out.flush();
            return plan.changes().isEmpty() ? 0 : 3;
        }
    }
}
