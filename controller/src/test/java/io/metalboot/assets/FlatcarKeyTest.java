package io.metalboot.assets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bundled Flatcar image signing key
 * (controller/src/main/resources/metalboot/keys/flatcar-image-signing-key.asc) is the GPG_KEY block
 * of Flatcar's own installer, github.com/flatcar/init bin/flatcar-install, byte for byte: primary
 * key F88CFEDEFF29A5B4D9523864E25D9AED0593B34A, "Flatcar Buildbot (Official Builds)
 * <buildbot@flatcar-linux.org>", created 2018-02-26, with nine RSA-4096 signing subkeys (the first
 * two revoked as compromised, one per year since; 1EF52974 valid until 2027-03-08). `gpg
 * --check-sigs` reports all 12 of its signatures good. Flatcar publishes the same key at
 * https://www.flatcar.org/security/image-signing-key/. When Flatcar adds a subkey, replace the file
 * with the new block from flatcar-install and update these tests.
 */
class FlatcarKeyTest {
    private static final Keyring FLATCAR = Keyring.flatcar();

    @Test
    void theBundledKeyIsFlatcarsImageSigningKey() {
        assertEquals(java.util.List.of("F88CFEDEFF29A5B4D9523864E25D9AED0593B34A"), FLATCAR.fingerprints());
        assertEquals("F88CFEDEFF29A5B4D9523864E25D9AED0593B34A (Flatcar Buildbot (Official Builds) <buildbot@flatcar-linux.org>)"
                + " with 9 subkeys", FLATCAR.describe());
        assertTrue(FLATCAR.find(0xE25D9AED0593B34AL).orElseThrow().key().isMasterKey());
    }

    record When(String subkey, String date, Optional<String> problem) {
    }

    static Stream<When> subkeysOverTime() {
        return Stream.of(
                // the 2025 subkey: bound, back-signed, valid from 2025-03-07 to 2027-03-08
                new When("32DA80F91EF52974", "2025-06-01", Optional.empty()),
                new When("32DA80F91EF52974", "2027-06-01", Optional.of("expired on 2027-03-08, before the signature's date 2027-06-01")),
                new When("32DA80F91EF52974", "2025-01-01", Optional.of("was created on 2025-03-07, after the signature's date 2025-01-01")),
                // the 2023 subkey signed the releases of its time; those still verify after it expired
                new When("85F7C8868837E271", "2024-01-01", Optional.empty()),
                new When("85F7C8868837E271", "2025-04-01", Optional.of("expired on 2025-03-06, before the signature's date 2025-04-01")),
                // the first two subkeys were revoked as compromised: nothing they signed counts
                new When("B51DE377064D542D", "2018-03-01", Optional.of("was revoked on 2018-03-14 (key compromised)")),
                new When("603443A1D0FC498C", "2018-05-01", Optional.of("was revoked on 2018-09-26 (key compromised)")));
    }

    @ParameterizedTest
    @MethodSource("subkeysOverTime")
    void subkeysAreJudgedAtTheSignaturesDate(When when) {
        Keyring.Signer signer = FLATCAR.find(Long.parseUnsignedLong(when.subkey(), 16)).orElseThrow();
        assertEquals(when.problem(), SigningKeyCheck.problem(signer, Instant.parse(when.date() + "T12:00:00Z")));
    }
}
