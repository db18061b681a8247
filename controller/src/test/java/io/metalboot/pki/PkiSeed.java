package io.metalboot.pki;

import static io.metalboot.cli.Cli.ok;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The seed CA material under src/test/resources/pki/seed and the cfssl steps that make it. */
final class PkiSeed {
    static final Path SEED = Path.of("src/test/resources/pki/seed");

    private PkiSeed() {
    }

    /**
     * The seed's steps in {@code dir}: its JSON files copied in, then the four cfssl commands
     * (-initca, then server, client, client) written as `cfssljson -bare NAME` would.
     */
    static void seedSteps(Path dir) throws java.io.IOException {
        for (String f : List.of("ca-csr.json", "ca-config.json", "apiserver-csr.json", "worker-csr.json", "admin-csr.json")) {
            Files.copy(SEED.resolve(f), dir.resolve(f));
        }
        String d = dir + "/";
        ok("pki", "gencert", "-initca", d + "ca-csr.json", "-bare", d + "ca");
        ok("pki", "gencert", "-ca=" + d + "ca.pem", "-ca-key=" + d + "ca-key.pem", "-config=" + d + "ca-config.json",
                "-profile=server", d + "apiserver-csr.json", "-bare", d + "apiserver");
        ok("pki", "gencert", "-ca=" + d + "ca.pem", "-ca-key=" + d + "ca-key.pem", "-config=" + d + "ca-config.json",
                "-profile=client", d + "worker-csr.json", "-bare", d + "worker");
        ok("pki", "gencert", "-ca=" + d + "ca.pem", "-ca-key=" + d + "ca-key.pem", "-config=" + d + "ca-config.json",
                "-profile=client", d + "admin-csr.json", "-bare", d + "admin");
    }
}
