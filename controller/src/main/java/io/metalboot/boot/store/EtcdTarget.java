package io.metalboot.boot.store;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.ClientBuilder;
import io.metalboot.boot.BootException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a cluster's boot data is in etcd: the members' client URLs and the cluster name, which makes
 * the key prefix {@code /metalboot/CLUSTER/}. Written {@code etcd://h1:2379,h2:2379,h3:2379/CLUSTER}
 * (the cluster is {@code default} when the path is empty); with a CA, certificate and key, the client
 * speaks TLS and authenticates with the certificate (an {@code etcd-client} certificate from
 * {@code metalboot pki cluster}).
 */
public record EtcdTarget(List<URI> endpoints, String cluster, Optional<Tls> tls) {
    /** TLS client files: the CA that signed the members' certificates, this client's certificate and its key (PEM). */
    public record Tls(Path ca, Path cert, Path key) {
    }

    public EtcdTarget {
        endpoints = List.copyOf(endpoints);
        if (!cluster.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,62}")) {
            throw new BootException(400, "cluster name '" + cluster + "' is not a name (letters, digits, '.', '_', '-', e.g. lab)");
        }
    }

    /** Parses {@code etcd://HOST:PORT,…[/CLUSTER]}; {@code flag} names the option in messages. */
    public static EtcdTarget parse(String flag, String text, Optional<Tls> tls) {
        if (!text.startsWith("etcd://")) {
            throw new BootException(400, flag + " '" + text + "' is not an etcd URL (expected etcd://HOST:PORT,HOST:PORT/CLUSTER,"
                    + " e.g. etcd://10.0.0.11:2379,10.0.0.12:2379,10.0.0.13:2379/lab)");
        }
        String rest = text.substring("etcd://".length());
        int slash = rest.indexOf('/');
        String hosts = slash < 0 ? rest : rest.substring(0, slash);
        String cluster = slash < 0 || slash == rest.length() - 1 ? "default" : rest.substring(slash + 1);
        List<URI> endpoints = new ArrayList<>();
        for (String hp : hosts.split(",")) {
            if (!hp.matches("[A-Za-z0-9.\\-]+:[0-9]{1,5}|\\[[0-9a-fA-F:]+\\]:[0-9]{1,5}")) {
                throw new BootException(400, flag + " '" + text + "': '" + hp + "' is not HOST:PORT (e.g. 10.0.0.11:2379)");
            }
            endpoints.add(URI.create((tls.isPresent() ? "https://" : "http://") + hp));
        }
        return new EtcdTarget(endpoints, cluster, tls);
    }

    /** The key prefix, with its trailing slash. */
    public String prefix() {
        return "/metalboot/" + cluster + "/";
    }

    public ByteSequence key(String suffix) {
        return ByteSequence.from(prefix() + suffix, StandardCharsets.UTF_8);
    }

    /** A client for these members (it connects lazily; each call bounds its own wait). */
    public Client client() {
        ClientBuilder b = Client.builder().endpoints(endpoints.toArray(URI[]::new)).connectTimeout(Duration.ofSeconds(2))
                .retryMaxDuration(Duration.ofSeconds(3)).retryDelay(100).retryMaxDelay(500).keepaliveTime(Duration.ofSeconds(10))
                .keepaliveTimeout(Duration.ofSeconds(3));
        if (tls.isPresent()) {
            Tls t = tls.get();
            for (Path p : List.of(t.ca(), t.cert(), t.key())) {
                if (!Files.isReadable(p)) {
                    throw new BootException(500, "cannot read " + p + " (the etcd client's CA, certificate and key, e.g. from"
                            + " 'metalboot pki cluster': ca.pem, etcd-client.pem, etcd-client-key.pem)");
                }
            }
            try {
                b.sslContext(ssl -> ssl.trustManager(t.ca().toFile()).keyManager(t.cert().toFile(), t.key().toFile()));
            } catch (javax.net.ssl.SSLException | IllegalArgumentException e) {
                throw new BootException(500, "cannot use " + t.cert() + " and " + t.key() + " for TLS to etcd: " + e.getMessage(), e);
            }
        }
        return b.build();
    }

    @Override
    public String toString() {
        return "etcd://" + String.join(",", endpoints.stream().map(u -> u.getHost() + ":" + u.getPort()).toList()) + "/" + cluster;
    }
}
