package io.metalboot.pki;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads cfssl's CSR JSON ({@code ca-csr.json}, {@code apiserver-csr.json}, ...): {@code CN},
 * {@code hosts}, {@code key.algo}/{@code key.size}, {@code names[]} with C/ST/L/O/OU and, for a CA,
 * {@code ca.expiry}/{@code ca.pathlen}. Every error names the file, line and field.
 */
public final class CsrJson {
    static final List<String> TOP = List.of("CN", "hosts", "key", "names", "ca");
    static final List<String> KEY = List.of("algo", "size");
    static final List<String> NAME = List.of("C", "ST", "L", "O", "OU");
    static final List<String> CA = List.of("expiry", "pathlen", "pathlenzero");

    private CsrJson() {
    }

    public static CertificateRequest read(Path file) {
        return parse(file.toString(), readText(file));
    }

    static String readText(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw PkiException.input(file + ": no such file", e);
        } catch (IOException e) {
            throw PkiException.input(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** Parses CSR JSON text; {@code file} is how messages name it. */
    public static CertificateRequest parse(String file, String text) {
        Json root = Json.parse(file, text);
        JsonFields top = JsonFields.of(file, "", root, TOP);
        String cn = top.requiredString("CN", root.line(), "the certificate's common name, e.g. \"kube-apiserver\"").value();
        List<Subject.Name> names = new ArrayList<>();
        List<Json> entries = top.list("names");
        for (int i = 0; i < entries.size(); i++) {
            JsonFields n = JsonFields.of(file, "names[" + i + "]", entries.get(i), NAME);
            names.add(new Subject.Name(text(n, "C"), text(n, "ST"), text(n, "L"), text(n, "O"), text(n, "OU")));
        }
        return new CertificateRequest(new Subject(cn, names), hosts(top), key(top), ca(top));
    }

    private static String text(JsonFields f, String key) {
        return f.string(key).map(Json.Str::value).orElse("");
    }

    private static Hosts hosts(JsonFields top) {
        List<String> hosts = new ArrayList<>();
        List<Json> items = top.list("hosts");
        for (int i = 0; i < items.size(); i++) {
            String where = "hosts[" + i + "]";
            if (!(items.get(i) instanceof Json.Str s)) {
                throw top.error(items.get(i).line(), where + " must be a string, found " + items.get(i).shown());
            }
            Subject.refuseControl(where, s.value());
            if (!Hosts.isIp(s.value()) && !Hosts.isDnsName(s.value())) {
                throw top.error(s.line(), where + " " + s.shown()
                        + " is neither an IP address nor a DNS name (expected e.g. kubernetes.default or 10.3.0.1)");
            }
            hosts.add(s.value());
        }
        return Hosts.of(hosts);
    }

    private static KeySpec key(JsonFields top) {
        Optional<JsonFields> key = top.object("key", KEY);
        if (key.isEmpty()) {
            return KeySpec.DEFAULT;
        }
        JsonFields k = key.get();
        KeySpec.Algorithm algo = k.string("algo").map(s -> KeySpec.Algorithm.of(s.value()).orElseThrow(() -> k.error(s.line(),
                "key.algo " + s.shown() + " is not a key algorithm metalboot makes (expected ecdsa or rsa)")))
                .orElse(KeySpec.Algorithm.ECDSA);
        Optional<Json.Num> size = k.integer("size");
        if (size.isEmpty()) {
            return new KeySpec(algo, algo.defaultSize());
        }
        int bits = Integer.parseInt(size.get().text());
        try {
            return new KeySpec(algo, bits);
        } catch (PkiException e) {
            throw k.error(size.get().line(), "key.size " + bits + " is not a size for " + algo.label() + " keys (expected "
                    + algo.sizes() + ")");
        }
    }

    private static Optional<CertificateRequest.CaOptions> ca(JsonFields top) {
        return top.object("ca", CA).map(ca -> {
            Duration expiry = ca.string("expiry").map(s -> expiry(ca, "ca.expiry", s, "87600h for 10 years"))
                    .orElse(CertificateRequest.DEFAULT_CA_EXPIRY);
            Optional<Integer> pathLen = ca.integer("pathlen").map(n -> {
                int v = Integer.parseInt(n.text());
                if (v < 0) {
                    throw ca.error(n.line(), "ca.pathlen " + v + " must be 0 or more (how many CAs may sit below this one)");
                }
                return v;
            });
            boolean zero = ca.bool("pathlenzero").orElse(false);
            // cfssl: pathlen 0 means "no limit" unless pathlenzero says it really is 0
            return new CertificateRequest.CaOptions(expiry, pathLen.filter(v -> v > 0 || zero).or(() -> zero ? Optional.of(0) : Optional.empty()));
        });
    }

    /** A positive Go duration, or an error naming the field. */
    static Duration expiry(JsonFields f, String field, Json.Str s, String example) {
        Duration d = GoDuration.parse(s.value()).orElseThrow(() -> f.error(s.line(), field + " " + s.shown()
                + " is not a duration (expected a number and a unit as cfssl writes them, e.g. " + example + "; units h, m, s)"));
        if (d.isNegative() || d.isZero()) {
            throw f.error(s.line(), field + " " + s.shown() + " must be positive (e.g. " + example + ")");
        }
        return d;
    }
}
