package io.metalboot.pki;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** One of cfssl's {@code signing.profiles} (or its {@code signing.default}): usages and expiry. */
public record SigningProfile(String name, List<Usage> usages, Duration expiry) {
    public SigningProfile {
        usages = List.copyOf(usages.stream().distinct().toList());
        if (expiry.isNegative() || expiry.isZero()) {
            throw PkiException.input("profile " + name + ": expiry must be positive");
        }
    }

    /** cfssl's profile when a config has no {@code signing.default}: both auths, one year. */
    static SigningProfile cfsslDefault() {
        return new SigningProfile("default", List.of(Usage.SIGNING, Usage.KEY_ENCIPHERMENT, Usage.SERVER_AUTH, Usage.CLIENT_AUTH),
                Duration.ofHours(8760));
    }

    /** The same usages with another lifetime. */
    SigningProfile withExpiry(Duration d) {
        return new SigningProfile(name, usages, d);
    }

    /** A config file's signing policy: the default profile and the named ones. */
    public record Config(String source, SigningProfile defaults, Map<String, SigningProfile> profiles) {
        public Config {
            profiles = Map.copyOf(profiles);
        }

        /** The named profile ({@code -profile}), or the default one when no name is given. */
        public SigningProfile profile(Optional<String> name) {
            if (name.isEmpty()) {
                return defaults;
            }
            SigningProfile p = profiles.get(name.get());
            if (p == null) {
                throw PkiException.input("-profile '" + name.get() + "' is not in " + source + "'s signing.profiles ("
                        + (profiles.isEmpty() ? "it has none" : "profiles there: " + String.join(", ", new TreeMap<>(profiles).keySet()))
                        + "); cfssl would silently sign with signing.default instead");
            }
            return p;
        }
    }
}
