package io.metalboot.pki;

import io.metalboot.inventory.Inventory;
import io.metalboot.inventory.Machine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every certificate a cluster needs, derived from the inventory: the CA, the API server, one
 * kubelet client certificate per node, the admin, etcd server and peer certificates per member
 * and an etcd client. Nodes and etcd members are the machines whose role is master or worker.
 */
public record ClusterPlan(List<Entry> entries) {
    /** The CA's lifetime: ten years, as the seed sets it. */
    static final Duration CA_EXPIRY = Duration.ofHours(87600);
    /** Leaf certificates: one year, renewed with {@code --renew NAME} (`pki check` warns 30 days ahead). */
    static final Duration LEAF_EXPIRY = Duration.ofHours(8760);
    static final SigningProfile SERVER = new SigningProfile("server",
            List.of(Usage.SIGNING, Usage.KEY_ENCIPHERMENT, Usage.SERVER_AUTH), LEAF_EXPIRY);
    static final SigningProfile CLIENT = new SigningProfile("client",
            List.of(Usage.SIGNING, Usage.KEY_ENCIPHERMENT, Usage.CLIENT_AUTH), LEAF_EXPIRY);
    static final SigningProfile CLIENT_SERVER = new SigningProfile("client-server",
            List.of(Usage.SIGNING, Usage.KEY_ENCIPHERMENT, Usage.SERVER_AUTH, Usage.CLIENT_AUTH), LEAF_EXPIRY);

    /** One certificate to make: file name, what to ask for and the profile that signs it (empty for the CA). */
    public record Entry(String name, CertificateRequest request, Optional<SigningProfile> profile) {
        boolean isCa() {
            return profile.isEmpty();
        }
    }

    public ClusterPlan {
        entries = List.copyOf(entries);
    }

    public static ClusterPlan of(Inventory inv, KeySpec key) {
        List<Entry> out = new ArrayList<>();
        out.add(new Entry("ca", new CertificateRequest(new Subject(inv.cluster().name() + " CA",
                List.of(Subject.Name.organization("metalboot"))), Hosts.NONE, key,
                Optional.of(new CertificateRequest.CaOptions(CA_EXPIRY, Optional.empty()))), Optional.empty()));
        List<Machine> nodes = inv.machines().stream().filter(m -> m.role() != Machine.Role.NONE).toList();
        String domain = inv.kubernetes().clusterDomain();
        List<String> apiHosts = new ArrayList<>(List.of("kubernetes", "kubernetes.default", "kubernetes.default.svc",
                "kubernetes.default.svc." + domain, inv.kubernetes().serviceCidr().network().plus(1).toString()));
        inv.machines().stream().filter(m -> m.role() == Machine.Role.MASTER).forEach(m -> {
            apiHosts.add(m.name());
            apiHosts.add(m.ip().toString());
        });
        out.add(leaf("apiserver", "kube-apiserver", List.of(), apiHosts, key, SERVER));
        // the API server's client identity towards kubelets (logs, exec), as kubeadm names it
        out.add(leaf("apiserver-kubelet-client", "kube-apiserver-kubelet-client", List.of("system:masters"), List.of(), key, CLIENT));
        out.add(leaf("admin", "admin", List.of("system:masters"), List.of(), key, CLIENT));
        out.add(leaf("kube-controller-manager", "system:kube-controller-manager", List.of(), List.of(), key, CLIENT));
        out.add(leaf("kube-scheduler", "system:kube-scheduler", List.of(), List.of(), key, CLIENT));
        for (Machine m : nodes) {
            out.add(leaf("kubelet-" + m.name(), "system:node:" + m.name(), List.of("system:nodes"), List.of(), key, CLIENT));
        }
        for (Machine m : nodes) {
            // one per node, so that no node holds a key another node uses; the same user for RBAC
            out.add(leaf("kube-proxy-" + m.name(), "system:kube-proxy", List.of("system:node-proxier"), List.of(), key, CLIENT));
        }
        for (Machine m : nodes) {
            // like kubeadm: localhost too, for the local API server and for peers whose source address is 127.0.0.1
            List<String> hosts = List.of(m.name(), m.ip().toString(), "localhost", "127.0.0.1");
            out.add(leaf("etcd-server-" + m.name(), m.name(), List.of(), hosts, key, CLIENT_SERVER));
            out.add(leaf("etcd-peer-" + m.name(), m.name(), List.of(), hosts, key, CLIENT_SERVER));
        }
        out.add(leaf("etcd-client", "etcd-client", List.of(), List.of(), key, CLIENT));
        return new ClusterPlan(out);
    }

    private static Entry leaf(String name, String cn, List<String> orgs, List<String> hosts, KeySpec key, SigningProfile profile) {
        Subject subject = new Subject(cn, orgs.stream().map(Subject.Name::organization).toList());
        return new Entry(name, new CertificateRequest(subject, Hosts.of(hosts), key), Optional.of(profile));
    }

    public List<String> names() {
        return entries.stream().map(Entry::name).toList();
    }
}
