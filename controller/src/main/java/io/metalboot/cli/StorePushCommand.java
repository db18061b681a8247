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

@Command(name = "push", mixinStandardHelpOptions = true,
        description = {"Write a data dir's groups, profiles and templates to etcd in one transaction (all or nothing), with the"
                + " names, sizes and sha256 of its assets. Refused when the data would not load (file and line), or when"
                + " someone else pushed since this push read the store (unless --force). contents.local files (node keys) are"
                + " never pushed: they stay on each boot server's disk.", ""},
        footer = {"", "Exit status: 0 pushed (or nothing to push), 1 refused or failed, 2 bad input."})
final class StorePushCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DATA", description = "The data dir.")
    Path data;

    @Option(names = "--etcd", paramLabel = "URL", required = true, description = "etcd://HOST:PORT,HOST:PORT/CLUSTER")
    String etcd;

    @Option(names = "--force", description = "Write even if the store changed since this push read it.")
    boolean force;

    @Mixin
    StoreOptions options;

    @Override
    public Integer call() {
        EtcdTarget target = options.target("--etcd", etcd);
        try (Client client = target.client()) {
            Push.Plan plan = Push.plan(client, target, data);
            var out = spec.commandLine().getOut();
            if (plan.changes().isEmpty()) {
                out.printf("nothing to push: %s at revision %d already holds %s%n", target, plan.revision(), data);
                out.flush();
                return 0;
            }
            plan.changes().forEach(out::println);
            long revision = Push.commit(client, target, plan, System.getProperty("user.name") + "@" + host(), force);
            out.printf("pushed %d change(s) to %s: revision %d%n", plan.changes().size(), target, revision);
            out.flush();
            return 0;
        }
    }

    private static String host() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "localhost";
        }
    }
}
