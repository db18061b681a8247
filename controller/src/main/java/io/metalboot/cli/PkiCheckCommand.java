package io.metalboot.cli;

import io.metalboot.pki.CertificateInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"List the certificates in a directory with subject, SANs and expiry; warn about those close to expiry.", ""},
        footer = {"", "Exit status: 0 all fine, 1 a certificate expires within --warn-days (or has expired) or was not"
                + " signed by DIR/ca.pem, 2 bad input (no certificates, unreadable files)."})
final class PkiCheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--dir", paramLabel = "DIR", defaultValue = "pki", description = "Directory to look in (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--warn-days", paramLabel = "DAYS", defaultValue = "30", description = "Warn this many days ahead (default: ${DEFAULT-VALUE}).")
    int warnDays;

    @Override
    public Integer call() {
        List<CertificateInfo> certs = certificates();
        if (certs.isEmpty()) {
            throw new BadInputException(dir + ": no certificates (*.pem holding CERTIFICATE) found; make them with"
                    + " metalboot pki cluster --out " + dir);
        }
        Optional<CertificateInfo> ca = certs.stream().filter(c -> c.file().getFileName().toString().equals("ca.pem")).findFirst();
        Instant now = Instant.now();
        var out = spec.commandLine().getOut();
        List<String> warnings = new ArrayList<>();
        for (CertificateInfo c : certs) {
            String name = c.file().getFileName().toString();
            long days = c.daysLeft(now);
            List<String> sans = c.subjectAltNames();
            out.printf("%s  %s  %s  expires %s (%d days)%s%n", name, c.subject(), sans.isEmpty() ? "no SANs" : String.join(",", sans),
                    c.notAfter().atOffset(ZoneOffset.UTC).toLocalDate(), days, c.isCa() ? "  CA" : "");
            if (now.isAfter(c.notAfter())) {
                warnings.add(name + " has expired (" + c.notAfter() + ")");
            } else if (days < warnDays) {
                warnings.add(name + " expires in " + days + " days (" + c.notAfter() + ")");
            }
            if (ca.isPresent() && !c.signedBy(ca.get().certificate())) {
                warnings.add(name + " was not signed by " + ca.get().file().getFileName());
            }
        }
        warnings.forEach(wn -> out.println("WARNING: " + wn));
        if (!warnings.isEmpty()) {
            out.println("Reissue with: metalboot pki cluster --renew NAME (files from pki cluster), or gencert again.");
        }
        out.flush();
        return warnings.isEmpty() ? 0 : Failures.FAILURE;
    }

    private List<CertificateInfo> certificates() {
        if (!Files.isDirectory(dir)) {
            throw new BadInputException(dir + ": no such directory; pass --dir DIR, where pki cluster or gencert wrote");
        }
        List<CertificateInfo> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.getFileName().toString().endsWith(".pem") && !f.getFileName().toString().endsWith("-key.pem")).sorted().toList()) {
                if (Files.readString(p).contains("-----BEGIN CERTIFICATE-----")) {
                    out.add(CertificateInfo.read(p));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(dir + ": cannot list or read: " + e.getMessage(), e);
        }
        return out;
    }
}
