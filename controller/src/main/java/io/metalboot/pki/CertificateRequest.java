package io.metalboot.pki;

import java.time.Duration;
import java.util.Optional;

/**
 * What cfssl's CSR JSON asks for: subject, hosts, key, and for {@code -initca} the CA's own
 * expiry and path length. Read from a file by {@link CsrJson}, or built by {@link ClusterPlan}.
 */
public record CertificateRequest(Subject subject, Hosts hosts, KeySpec key, Optional<CaOptions> ca) {
    /** cfssl's default CA lifetime when {@code ca.expiry} is absent: five years. */
    static final Duration DEFAULT_CA_EXPIRY = Duration.ofHours(43800);

    /** cfssl's {@code "ca": {"expiry": "87600h", "pathlen": 1}}. */
    public record CaOptions(Duration expiry, Optional<Integer> pathLength) {
        public CaOptions {
            if (expiry.isNegative() || expiry.isZero()) {
                throw PkiException.input("a CA's expiry must be positive, not " + GoDuration.format(expiry));
            }
        }
    }

    public CertificateRequest(Subject subject, Hosts hosts, KeySpec key) {
        this(subject, hosts, key, Optional.empty());
    }

    /** The CA options in effect for {@code -initca}: the file's, or cfssl's defaults. */
    CaOptions caOptions() {
        return ca.orElse(new CaOptions(DEFAULT_CA_EXPIRY, Optional.empty()));
    }
}
