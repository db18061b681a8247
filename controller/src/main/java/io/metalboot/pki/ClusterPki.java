package io.metalboot.pki;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Makes the files of a {@link ClusterPlan} in one directory, idempotently: what exists and was
 * signed by the current CA is kept; what is missing is made; {@code --renew NAME} reissues one.
 * The CA is replaced only with {@code force}, and then everything it signed is reissued.
 */
public final class ClusterPki {
    public static final String SERVICE_ACCOUNT = "service-account";

    /** What happened to one file set. */
    public record Outcome(String name, Action action, String detail) {
        public enum Action { CREATED, KEPT, RENEWED, REISSUED }
    }

    private final Path dir;
    private final Issuer issuer;
    private final KeySpec key;

    public ClusterPki(Path dir, Issuer issuer, KeySpec key) {
        this.dir = dir;
        this.issuer = issuer;
        this.key = key;
    }

    public List<Outcome> run(ClusterPlan plan, Set<String> renew, boolean force) {
        List<String> valid = Stream.concat(plan.names().stream(), Stream.of(SERVICE_ACCOUNT)).toList();
        for (String r : renew) {
            if (!valid.contains(r)) {
                throw PkiException.input("--renew '" + r + "' is not a certificate of this cluster (valid: " + String.join(", ", valid) + ")");
            }
        }
        if (renew.contains("ca") && !force) {
            throw PkiException.input("--renew ca replaces the CA, and every certificate it signed must then be reissued"
                    + " and redistributed; add --force if that is what you want");
        }
        List<Outcome> outcomes = new ArrayList<>();
        ClusterPlan.Entry caEntry = plan.entries().get(0);
        BundleFiles caFiles = BundleFiles.in(dir, caEntry.name());
        CertificateAuthority ca;
        boolean caNew = true;
        if (renew.contains("ca")) {
            ca = write(caFiles, issuer.initCa(caEntry.request()));
            outcomes.add(new Outcome("ca", Outcome.Action.RENEWED, "new key; every certificate below is reissued"));
        } else if (Files.exists(caFiles.certificate()) && Files.exists(caFiles.key())) {
            ca = CertificateAuthority.load(caFiles.certificate(), caFiles.key());
            issuer.checkCa(ca);
            caNew = false;
            outcomes.add(new Outcome("ca", Outcome.Action.KEPT, ""));
        } else if (caFiles.existing().stream().anyMatch(p -> !p.equals(caFiles.csr())) && !force) {
            Path there = Files.exists(caFiles.certificate()) ? caFiles.certificate() : caFiles.key();
            Path missing = there.equals(caFiles.key()) ? caFiles.certificate() : caFiles.key();
            throw PkiException.input(there + " exists but " + missing + " does not; restore " + missing.getFileName()
                    + ", or run with --renew ca --force to start a new CA (every certificate is then reissued)");
        } else {
            ca = write(caFiles, issuer.initCa(caEntry.request()));
            outcomes.add(new Outcome("ca", Outcome.Action.CREATED, ""));
        }
        for (ClusterPlan.Entry e : plan.entries().subList(1, plan.entries().size())) {
            outcomes.add(leaf(e, ca, caNew, renew.contains(e.name())));
        }
        outcomes.add(serviceAccount(renew.contains(SERVICE_ACCOUNT)));
        return outcomes;
    }

    private Outcome leaf(ClusterPlan.Entry e, CertificateAuthority ca, boolean caNew, boolean renew) {
        BundleFiles files = BundleFiles.in(dir, e.name());
        boolean complete = Files.exists(files.certificate()) && Files.exists(files.key());
        Outcome.Action action;
        String detail = "";
        if (renew) {
            action = Outcome.Action.RENEWED;
        } else if (!complete) {
            action = files.existing().isEmpty() ? Outcome.Action.CREATED : Outcome.Action.REISSUED;
            detail = files.existing().isEmpty() ? "" : "incomplete: " + files.all().stream().filter(p -> !Files.exists(p))
                    .map(p -> p.getFileName().toString()).collect(Collectors.joining(", ")) + " missing";
        } else {
            CertificateInfo info = CertificateInfo.read(files.certificate());
            if (caNew || !info.signedBy(ca.certificate())) {
                action = Outcome.Action.REISSUED;
                detail = "was signed by another CA";
            } else {
                List<String> drift = info.differences(e.request());
                return new Outcome(e.name(), Outcome.Action.KEPT, drift.isEmpty() ? "" : "differs from the inventory ("
                        + String.join("; ", drift) + "); reissue with --renew " + e.name());
            }
        }
        files.write(issuer.sign(e.request(), ca, e.profile().orElseThrow()));
        return new Outcome(e.name(), action, detail);
    }

    private Outcome serviceAccount(boolean renew) {
        Path priv = dir.resolve(SERVICE_ACCOUNT + "-key.pem");
        Path pub = dir.resolve(SERVICE_ACCOUNT + ".pub");
        boolean complete = Files.exists(priv) && Files.exists(pub);
        boolean partial = !complete && (Files.exists(priv) || Files.exists(pub));
        if (complete && !renew) {
            return new Outcome(SERVICE_ACCOUNT, Outcome.Action.KEPT, "");
        }
        KeyPair pair = key.generate();
        SecretFiles.write(priv, Pem.privateKey(pair), true);
        SecretFiles.write(pub, Pem.publicKey(pair.getPublic()), false);
        if (renew) {
            return new Outcome(SERVICE_ACCOUNT, Outcome.Action.RENEWED, "");
        }
        return partial ? new Outcome(SERVICE_ACCOUNT, Outcome.Action.REISSUED, "incomplete: one of the pair was missing")
                : new Outcome(SERVICE_ACCOUNT, Outcome.Action.CREATED, "");
    }

    private static CertificateAuthority write(BundleFiles files, Issued issued) {
        files.write(issued);
        return new CertificateAuthority(issued.certificate(), issued.keyPair().getPrivate());
    }
}
