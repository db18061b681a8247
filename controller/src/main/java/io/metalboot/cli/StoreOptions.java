package io.metalboot.cli;

import io.metalboot.boot.store.EtcdTarget;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Where the boot data is in etcd, and the TLS client files to reach it: shared by the store commands, serve and status. */
final class StoreOptions {
    @Option(names = "--etcd-cacert", paramLabel = "FILE", description = "CA certificate of the etcd members (enables TLS).")
    Optional<Path> cacert;

    @Option(names = "--etcd-cert", paramLabel = "FILE", description = "Client certificate (e.g. pki cluster's etcd-client.pem).")
    Optional<Path> cert;

    @Option(names = "--etcd-key", paramLabel = "FILE", description = "Client key (e.g. etcd-client-key.pem).")
    Optional<Path> key;

    EtcdTarget target(String flag, String url) {
        Optional<EtcdTarget.Tls> tls = Optional.empty();
        if (cacert.isPresent() || cert.isPresent() || key.isPresent()) {
            if (cacert.isEmpty() || cert.isEmpty() || key.isEmpty()) {
                throw new BadInputException("TLS to etcd needs all three of --etcd-cacert, --etcd-cert and --etcd-key");
            }
            tls = Optional.of(new EtcdTarget.Tls(cacert.get(), cert.get(), key.get()));
        }
        try {
            return EtcdTarget.parse(flag, url, tls);
        } catch (io.metalboot.boot.BootException e) {
            throw new BadInputException(e.getMessage());
        }
    }
}
