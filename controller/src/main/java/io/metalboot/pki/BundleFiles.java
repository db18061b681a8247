package io.metalboot.pki;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The three files {@code cfssljson -bare NAME} writes: {@code NAME.pem}, {@code NAME-key.pem} (0600), {@code NAME.csr}. */
public record BundleFiles(String name, Path certificate, Path key, Path csr) {
    /** {@code -bare PREFIX}: the prefix may hold a directory, as cfssljson's does ({@code -bare out/ca}). */
    public static BundleFiles bare(Path prefix) {
        String base = prefix.getFileName().toString();
        return new BundleFiles(base, prefix.resolveSibling(base + ".pem"), prefix.resolveSibling(base + "-key.pem"),
                prefix.resolveSibling(base + ".csr"));
    }

    public static BundleFiles in(Path dir, String name) {
        return bare(dir.resolve(name));
    }

    public List<Path> all() {
        return List.of(certificate, key, csr);
    }

    public List<Path> existing() {
        return all().stream().filter(Files::exists).toList();
    }

    /** Writes key first and certificate last, so a present certificate means a complete set. */
    public void write(Issued issued) {
        SecretFiles.write(key, issued.keyPem(), true);
        SecretFiles.write(csr, issued.csrPem(), false);
        SecretFiles.write(certificate, issued.certificatePem(), false);
    }
}
