package io.metalboot.pki;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads cfssl's signing config ({@code ca-config.json}): {@code signing.default} and
 * {@code signing.profiles.NAME}, each with {@code usages} and {@code expiry} such as {@code 87600h}.
 * An unknown usage is an error naming the file, field, value and every valid usage.
 */
public final class ConfigJson {
    static final List<String> TOP = List.of("signing");
    static final List<String> SIGNING = List.of("default", "profiles");
    static final List<String> PROFILE = List.of("usages", "expiry");

    private ConfigJson() {
    }

    public static SigningProfile.Config read(Path file) {
        return parse(file.toString(), CsrJson.readText(file));
    }

    public static SigningProfile.Config parse(String file, String text) {
        Json root = Json.parse(file, text);
        JsonFields top = JsonFields.of(file, "", root, TOP);
        Json signingValue = top.value("signing").orElseThrow(() -> top.error(root.line(),
                "missing required field 'signing' (cfssl's signing policy: default and profiles)"));
        JsonFields signing = JsonFields.of(file, "signing", signingValue, SIGNING);
        SigningProfile defaults = signing.value("default")
                .map(v -> profile(JsonFields.of(file, "signing.default", v, PROFILE), "default", v.line(), Optional.empty()))
                .orElse(SigningProfile.cfsslDefault());
        Map<String, SigningProfile> profiles = new LinkedHashMap<>();
        signing.value("profiles").ifPresent(v -> {
            if (!(v instanceof Json.Obj obj)) {
                throw signing.error(v.line(), "signing.profiles must be an object of named profiles, found " + v.shown());
            }
            for (Json.Member m : obj.members()) {
                if (profiles.containsKey(m.key())) {
                    throw signing.error(m.line(), "signing.profiles." + m.key() + " is given twice; keep one (cfssl would silently use the last)");
                }
                JsonFields f = JsonFields.of(file, "signing.profiles." + m.key(), m.value(), PROFILE);
                profiles.put(m.key(), profile(f, m.key(), m.value().line(), Optional.of(defaults.expiry())));
            }
        });
        return new SigningProfile.Config(file, defaults, profiles);
    }

    private static SigningProfile profile(JsonFields f, String name, int line, Optional<Duration> fallbackExpiry) {
        String path = name.equals("default") ? "signing.default" : "signing.profiles." + name;
        Duration expiry = f.string("expiry").map(s -> CsrJson.expiry(f, path + ".expiry", s, "8760h for one year"))
                .or(() -> fallbackExpiry)
                .orElseThrow(() -> f.error(line, path + ": missing required field 'expiry' (how long its certificates are valid, e.g. \"8760h\")"));
        List<Usage> usages = new ArrayList<>();
        List<Json> items = f.list("usages");
        for (int i = 0; i < items.size(); i++) {
            String where = path + ".usages[" + i + "]";
            if (!(items.get(i) instanceof Json.Str s)) {
                throw f.error(items.get(i).line(), where + " must be a string, found " + items.get(i).shown());
            }
            usages.add(Usage.of(s.value()).orElseThrow(() -> f.error(s.line(),
                    where + " " + s.shown() + " is not a cfssl usage (valid usages: " + Usage.valid() + ")")));
        }
        if (usages.isEmpty() && !name.equals("default")) {
            throw f.error(f.value("usages").map(Json::line).orElse(line), path + ": needs at least one usage in 'usages'"
                    + " (e.g. [\"signing\", \"key encipherment\", \"server auth\"])");
        }
        return new SigningProfile(name, usages, expiry);
    }
}
