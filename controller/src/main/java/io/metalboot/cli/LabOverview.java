package io.metalboot.cli;

import io.metalboot.boot.http.Overview;
import io.metalboot.boot.store.Store;
import io.metalboot.pki.CertificateInfo;
import io.metalboot.router.history.DriftRecord;
import io.metalboot.router.history.Revision;
import io.metalboot.router.history.RevisionStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The page's panels for {@code serve}: the router's last revision (from the revision store beside the inventory:
 * no SSH), the assets and whether a signature sits beside each ({@code assets fetch} keeps an asset only when its
 * signature verified), the certificates in {@code pki/} beside the inventory (public parts only: keys are never
 * read) with their expiry, and the data dir's health. Each item: {@code text} and a {@code level}.
 */
public record LabOverview(Store store, Path data, Optional<Path> inventory) implements Overview {
    static final int WARN_DAYS = 30;
    static final int MAX_ITEMS = 50;

    @Override
    public Map<String, Object> panels() {
        Map<String, Object> out = new LinkedHashMap<>();
        inventory.ifPresent(inv -> out.put("Router", router(inv)));
        out.put("Assets", assets());
        inventory.ifPresent(inv -> out.put("Certificates", certificates(inv.toAbsolutePath().getParent().resolve("pki"))));
        var health = store.health();
        out.put("Data dir", List.of(item(store.describe() + (health.degraded() ? ": degraded" : ": healthy"),
                health.degraded() ? "error" : "ok")));
        return out;
    }

    private static Map<String, String> item(String text, String level) {
        return Map.of("text", text, "level", level);
    }

    private static List<Map<String, String>> router(Path inv) {
        try {
            List<Revision> all = RevisionStore.beside(inv).list();
            if (all.isEmpty()) {
                return List.of(item("no revision yet: metalboot apply -c " + inv.getFileName() + " records one", "warning"));
            }
            Revision last = all.get(all.size() - 1);
            return List.of(item("revision " + last.id() + " on " + last.router() + ": " + last.outcome().name().toLowerCase()
                    + " at " + last.time(), last.outcome() == Revision.Outcome.APPLIED ? "ok" : "warning"),
                    drift(inv, last));
        } catch (RuntimeException e) {
            return List.of(item("revisions not readable: " + e.getMessage(), "error"));
        }
    }

    /** What the last {@code metalboot diff} found, and whether it is older than the last revision (the page opens no SSH). */
    private static Map<String, String> drift(Path inv, Revision last) {
        Optional<DriftRecord> d = DriftRecord.read(inv);
        if (d.isEmpty()) {
            return item("drift: not checked yet; metalboot diff -c " + inv.getFileName() + " compares the router with revision " + last.id(), "");
        }
        DriftRecord r = d.get();
        String when = " (metalboot diff at " + r.time() + " against revision " + r.revision() + ")";
        if (r.time().isBefore(last.time())) {
            return item("drift: last checked before revision " + last.id() + "; run metalboot diff again" + when, "warning");
        }
        return r.paths().isEmpty() ? item("drift: none" + when, "ok")
                : item("drift: " + r.paths().size() + " file(s) changed by hand: " + String.join(", ", r.paths()) + when, "warning");
    }

    private List<Map<String, String>> assets() {
        Path dir = data.resolve("assets");
        List<Map<String, String>> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return List.of(item("no assets/ in " + data + ": metalboot assets fetch puts them there", "warning"));
        }
        try (Stream<Path> files = Files.walk(dir, 4)) {
            for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.toString().endsWith(".sig")).sorted().limit(MAX_ITEMS).toList()) {
                boolean signed = Files.exists(f.resolveSibling(f.getFileName() + ".sig"));
                out.add(item(dir.relativize(f) + " (" + Files.size(f) + " bytes)" + (signed ? ": signature verified" : ": no signature"),
                        signed ? "ok" : "warning"));
            }
        } catch (IOException e) {
            return List.of(item("assets not readable: " + e.getMessage(), "error"));
        }
        return out;
    }

    private static List<Map<String, String>> certificates(Path dir) {
        List<Map<String, String>> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return List.of(item("no pki/ beside the inventory: metalboot pki cluster writes it", "warning"));
        }
        try (Stream<Path> files = Files.walk(dir, 3)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".pem") || p.toString().endsWith(".crt"))
                    .filter(p -> !p.getFileName().toString().contains("key")).sorted().limit(MAX_ITEMS).toList()) {
                try {
                    CertificateInfo c = CertificateInfo.read(f);
                    long days = c.daysLeft(Instant.now());
                    out.add(item(dir.relativize(f) + ": " + c.subject() + ", expires " + c.notAfter() + " (" + days + " days)",
                            days < 0 ? "error" : days <= WARN_DAYS ? "warning" : "ok"));
                } catch (RuntimeException e) {
                    // not a certificate (a CSR, a key without 'key' in its name): not shown, never read as text
                }
            }
        } catch (IOException e) {
            return List.of(item("certificates not readable: " + e.getMessage(), "error"));
        }
        return out;
    }
}
