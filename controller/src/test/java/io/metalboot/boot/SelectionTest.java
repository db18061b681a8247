package io.metalboot.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Group selection: every selector must match, the most selectors win, ties go to the lowest id; MAC spellings. */
class SelectionTest {
    @TempDir
    static Path dir;
    static DataDir data;

    @BeforeAll
    static void write() throws Exception {
        Files.createDirectories(dir.resolve("groups"));
        Files.createDirectories(dir.resolve("profiles"));
        Files.writeString(dir.resolve("profiles/p.json"), "{\"id\":\"p\",\"boot\":{\"kernel\":\"/k\"}}");
        group("default", Map.of());
        group("installed", Map.of("os", "installed"));
        group("m1", Map.of("mac", "52:54:00:A1:9C:AE"));
        group("m1-installed", Map.of("mac", "52-54-00-a1-9c-ae", "os", "installed"));
        group("rack-b", Map.of("region", "b"));
        group("rack-a", Map.of("region", "a"));
        group("zone-x", Map.of("zone", "x"));
        data = DataDir.load(dir);
    }

    static void group(String id, Map<String, String> selector) throws Exception {
        StringBuilder sel = new StringBuilder();
        selector.forEach((k, v) -> sel.append(sel.isEmpty() ? "" : ",").append('"').append(k).append("\":\"").append(v).append('"'));
        Files.writeString(dir.resolve("groups/" + id + ".json"), "{\"id\":\"" + id + "\",\"profile\":\"p\",\"selector\":{" + sel + "}}");
    }

    record Case(String query, String group) {
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("", "default"),
                new Case("uuid=x", "default"),
                new Case("os=installed", "installed"),
                new Case("mac=52:54:00:a1:9c:ae", "m1"),
                new Case("mac=52-54-00-A1-9C-AE", "m1"),
                new Case("mac=5254.00a1.9cae", "m1"),
                new Case("mac=525400a19cae", "m1"),
                new Case("mac=52:54:00:a1:9c:ae&os=installed", "m1-installed"),
                new Case("mac=52:54:00:a1:9c:af&os=installed", "installed"),
                new Case("region=a", "rack-a"),
                new Case("region=a&zone=x", "rack-a"));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void selects(Case c) {
        Map<String, List<String>> query = new java.util.LinkedHashMap<>();
        for (String pair : c.query().isEmpty() ? new String[0] : c.query().split("&")) {
            query.put(pair.split("=")[0], List.of(pair.split("=")[1]));
        }
        assertEquals(Optional.of(c.group()), data.select(Labels.of(query, c.query())).map(Group::id));
    }

    /** Finding groups by MAC picks what trying every group in order picks, for 1,000 machines and the usual queries. */
    @Test
    void selectionByMacAgreesWithTryingEveryGroup() {
        List<Group> groups = new java.util.ArrayList<>();
        java.util.function.BiConsumer<String, Map<String, String>> add = (id, sel) -> groups.add(new Group(id, id, "p",
                new java.util.TreeMap<>(sel), Map.of(), dir.resolve("groups/" + id + ".json")));
        add.accept("install", Map.of());
        add.accept("installed", Map.of("os", "installed"));
        add.accept("region-a", Map.of("region", "a"));
        for (int i = 0; i < 1000; i++) {
            String mac = String.format("02:00:00:00:%02x:%02x", i >> 8, i & 0xff);
            add.accept(String.format("m%04d", i), Map.of("mac", mac, "os", "installed"));
            if (i % 7 == 0) {
                add.accept(String.format("b%04d", i), Map.of("mac", mac));
                add.accept(String.format("a%04d", i), Map.of("mac", mac)); // same selectors: the lower id wins
            }
        }
        groups.sort(java.util.Comparator.comparing(Group::id));
        DataDir many = new DataDir(dir, dir, groups, Map.of(), Map.of(), Map.of(), List.of());
        List<String> queries = new java.util.ArrayList<>(List.of("", "os=installed", "region=a", "region=a&os=installed",
                "mac=02:00:00:00:ff:ff", "mac=02:00:00:00:ff:ff&os=installed"));
        for (int i = 0; i < 1000; i += 13) {
            String mac = String.format("02-00-00-00-%02x-%02x", i >> 8, i & 0xff);
            queries.addAll(List.of("mac=" + mac, "mac=" + mac + "&os=installed", "mac=" + mac + "&region=a"));
        }
        for (String q : queries) {
            Labels labels = labels(q);
            Optional<Group> everyGroup = groups.stream().filter(g -> g.matches(labels)).max(java.util.Comparator
                    .comparingInt((Group g) -> g.selector().size()).thenComparing(Group::id, java.util.Comparator.reverseOrder()));
            assertEquals(everyGroup.map(Group::id), many.select(labels).map(Group::id), q);
        }
        assertEquals(Optional.of("a0007"), many.select(labels("mac=02:00:00:00:00:07")).map(Group::id));
    }

    private static Labels labels(String q) {
        Map<String, List<String>> query = new java.util.LinkedHashMap<>();
        for (String pair : q.isEmpty() ? new String[0] : q.split("&")) {
            query.put(pair.split("=")[0], List.of(pair.split("=")[1]));
        }
        return Labels.of(query, q);
    }

    @Test
    void ambiguousGroupsAreNamedAtLoad() {
        assertEquals(8, data.warnings().size(), data.warnings().toString());
        assertEquals("groups 'installed' (installed.json) and 'rack-a' (rack-a.json) can both match a machine with 1 selector(s);"
                + " 'installed' wins (lowest id). Add a selector to one of them to make it explicit", data.warnings().get(0));
        assertEquals(0, data.warnings().stream().filter(w -> w.contains("'installed'") && w.contains("'m1'")).count(),
                "m1-installed decides between installed and m1");
        assertEquals(0, data.warnings().stream().filter(w -> w.contains("'rack-a'") && w.contains("'rack-b'")).count(),
                "no machine matches both regions");
    }

    @Test
    void badLabelsAreRefused() {
        var e = assertThrows(BootException.class, () -> Labels.of(Map.of("mac", List.of("52:54:00")), "mac=52:54:00"));
        assertEquals(400, e.status());
        assertEquals("label mac '52:54:00' is not a MAC address (expected six hex pairs, e.g. 00:00:00:00:00:01,"
                + " 00-00-00-00-00-01 or 0000.0000.0001)", e.getMessage());
        assertEquals(400, assertThrows(BootException.class, () -> Labels.of(Map.of("x", List.of("a b")), "x=a%20b")).status());
        assertEquals(400, assertThrows(BootException.class, () -> Labels.of(Map.of("x", List.of("{{")), "x={{")).status());
    }

    @Test
    void brokenDataNamesTheFileAndField() throws Exception {
        Path bad = Files.createDirectories(dir.resolve("bad/profiles"));
        Files.writeString(bad.resolve("p.json"), "{\"id\":\"p\",\"boot\":{\"kernal\":\"/k\"}}");
        var e = assertThrows(BootException.class, () -> DataDir.load(dir.resolve("bad")));
        assertEquals(bad.resolve("p.json") + ": unknown field 'boot.kernal' (known: args, cmdline, initrd, kernel);"
                + " remove it or fix its spelling", e.getMessage());
    }
}
