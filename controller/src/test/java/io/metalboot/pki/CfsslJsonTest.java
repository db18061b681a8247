package io.metalboot.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The seed's cfssl files read into records, as cfssl reads them. */
class CfsslJsonTest {
    static final Path SEED = Path.of("src/test/resources/pki/seed");

    @Test
    void theSeedsCaCsr() {
        CertificateRequest ca = CsrJson.read(SEED.resolve("ca-csr.json"));
        assertEquals(new Subject("Kubernetes CA", List.of(new Subject.Name("US", "California", "San Francisco", "k8s-bare-metal", "CA"))),
                ca.subject());
        assertEquals(new KeySpec(KeySpec.Algorithm.RSA, 2048), ca.key());
        assertEquals(Optional.of(new CertificateRequest.CaOptions(Duration.ofDays(3650), Optional.empty())), ca.ca());
        assertEquals(Hosts.NONE, ca.hosts());
    }

    @Test
    void theSeedsApiServerCsrSplitsHostsIntoDnsAndIpSans() {
        CertificateRequest api = CsrJson.read(SEED.resolve("apiserver-csr.json"));
        assertEquals(List.of("kubernetes", "kubernetes.default", "kubernetes.default.svc", "kubernetes.default.svc.cluster.local",
                "kube-master"), api.hosts().dnsNames());
        assertEquals(List.of("10.3.0.1", "192.168.1.201", "127.0.0.1"), api.hosts().ipAddresses());
        assertEquals(KeySpec.DEFAULT, api.key());
    }

    @Test
    void theSeedsConfigHasTheThreeProfiles() {
        SigningProfile.Config c = ConfigJson.read(SEED.resolve("ca-config.json"));
        Duration tenYears = Duration.ofHours(87600);
        assertEquals(new SigningProfile("server", List.of(Usage.SIGNING, Usage.KEY_ENCIPHERMENT, Usage.SERVER_AUTH), tenYears),
                c.profile(Optional.of("server")));
        assertEquals(new SigningProfile("client", List.of(Usage.SIGNING, Usage.KEY_ENCIPHERMENT, Usage.CLIENT_AUTH), tenYears),
                c.profile(Optional.of("client")));
        assertEquals(List.of(Usage.SIGNING, Usage.KEY_ENCIPHERMENT, Usage.SERVER_AUTH, Usage.CLIENT_AUTH),
                c.profile(Optional.of("client-server")).usages());
        assertEquals(new SigningProfile("default", List.of(), tenYears), c.profile(Optional.empty()));
    }

    @Test
    void anUnknownProfileIsAnErrorNotCfsslsSilentFallBack() {
        SigningProfile.Config c = ConfigJson.read(SEED.resolve("ca-config.json"));
        PkiException e = org.junit.jupiter.api.Assertions.assertThrows(PkiException.class, () -> c.profile(Optional.of("peer")));
        assertEquals("-profile 'peer' is not in src/test/resources/pki/seed/ca-config.json's signing.profiles (profiles there:"
                + " client, client-server, server); cfssl would silently sign with signing.default instead", e.getMessage());
    }

    @Test
    void keysMatchIgnoringCaseAsGoDoesAndAbsentPartsTakeCfsslsDefaults() {
        CertificateRequest r = CsrJson.parse("x.json", "{\"cn\": \"a\", \"Names\": [{\"o\": \"system:masters\"}], \"key\": {\"algo\": \"rsa\"}}");
        assertEquals(new Subject("a", List.of(Subject.Name.organization("system:masters"))), r.subject());
        assertEquals(new KeySpec(KeySpec.Algorithm.RSA, 2048), r.key());
        SigningProfile.Config c = ConfigJson.parse("c.json", "{\"signing\": {}}");
        assertEquals(SigningProfile.cfsslDefault(), c.profile(Optional.empty()));
        assertEquals(CertificateRequest.DEFAULT_CA_EXPIRY, CsrJson.parse("x.json", "{\"CN\": \"a\"}").caOptions().expiry());
    }

    @ParameterizedTest
    @CsvSource({"87600h, 315360000", "8760h, 31536000", "1h30m, 5400", "1.5h, 5400", "90s, 90", "0, 0", "2h45m30s, 9930"})
    void goDurations(String text, long seconds) {
        assertEquals(Optional.of(Duration.ofSeconds(seconds)), GoDuration.parse(text));
    }

    @ParameterizedTest
    @CsvSource({"10y", "h", "1", "1 h", "1hh", "''", ".h"})
    void notGoDurations(String text) {
        assertEquals(Optional.empty(), GoDuration.parse(text));
    }
}
