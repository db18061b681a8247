package io.metalboot.cli;

import io.metalboot.inventory.Inventory;
import io.metalboot.pki.ClusterPki;
import io.metalboot.pki.ClusterPlan;
import io.metalboot.pki.Issuer;
import io.metalboot.pki.KeySpec;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "cluster", mixinStandardHelpOptions = true,
        description = {"Make every certificate and key the cluster needs, from the inventory; run it again any time.", "",
                "In DIR: ca (10 years); apiserver (SANs kubernetes, kubernetes.default, kubernetes.default.svc,"
                        + " kubernetes.default.svc.DOMAIN, the first service IP, the masters' names and IPs); apiserver-kubelet-client;"
                        + " admin (O system:masters); kube-controller-manager; kube-scheduler; kubelet-NODE (CN system:node:NODE,"
                        + " O system:nodes); kube-proxy-NODE (CN system:kube-proxy, one key per node); etcd-server-NODE and"
                        + " etcd-peer-NODE (the node's name and IP, localhost, 127.0.0.1); etcd-client; service-account-key.pem"
                        + " and service-account.pub. Nodes are the masters and workers. Leaf certificates last one year.",
                "",
                "Files that exist and were signed by the CA are kept; missing ones are made. Keys are written mode 0600.", ""},
        footer = {"", "Exit status: 0 ok, 1 failure, 2 bad input (inventory, flags)."})
final class PkiClusterCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    InventoryOption inventory;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "pki", description = "Directory for the files (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--renew", paramLabel = "NAME", description = "Reissue this one (new key), e.g. apiserver or kubelet-kube-worker-1; repeatable.")
    List<String> renew = List.of();

    @Option(names = "--force", description = "Allow --renew ca, or a new CA when ca.pem or ca-key.pem is missing.")
    boolean force;

    @Option(names = "--allow-outliving-ca", description = "Sign certificates that stay valid after the CA expires (refused otherwise).")
    boolean outliveCa;

    @Option(names = "--key-algo", paramLabel = "ALGO", defaultValue = "ecdsa", description = "ecdsa or rsa (default: ${DEFAULT-VALUE}).")
    String keyAlgo;

    @Option(names = "--key-size", paramLabel = "BITS", defaultValue = "0",
            description = "ecdsa: 256, 384 or 521; rsa: 2048, 3072, 4096 or 8192 (default: 256 or 2048).")
    int keySize;

    @Override
    public Integer call() {
        KeySpec key = KeySpec.of(keyAlgo, keySize);
        Inventory inv = inventory.load();
        ClusterPlan plan = ClusterPlan.of(inv, key);
        List<ClusterPki.Outcome> outcomes = new ClusterPki(out, new Issuer(Clock.systemUTC(), outliveCa), key)
                .run(plan, new LinkedHashSet<>(renew), force);
        var w = spec.commandLine().getOut();
        for (ClusterPki.Outcome o : outcomes) {
            w.printf("%-8s %s%s%n", o.action().name().toLowerCase(), o.name(), o.detail().isEmpty() ? "" : ": " + o.detail());
        }
        Map<ClusterPki.Outcome.Action, Long> counts = outcomes.stream()
                .collect(Collectors.groupingBy(ClusterPki.Outcome::action, java.util.TreeMap::new, Collectors.counting()));
        w.printf("%s: %s (%s keys; private keys mode 0600)%n", out, counts.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey().name().toLowerCase()).collect(Collectors.joining(", ")), key);
        w.flush();
        return 0;
    }
}
