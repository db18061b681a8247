package io.metalboot.router.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.metalboot.router.RouterAgentException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class OwnershipTest {
    static final String FILE = "/config/metalboot/state.json";
    static final String EDGEOS = """
            {
              "format": 1,
              "tool": "metalboot",
              "router": "edgeos",
              "owned": {
                "staticMappings": [
                  "kube-master",
                  "node00"
                ],
                "globalParameters": [
                  "include &quot;/config/scripts/ipxe-option-space.conf&quot;;"
                ],
                "subnetParameters": [ ],
                "files": [
                  "/config/scripts/ipxe-green.conf"
                ]
              },
              "lastApplied": {
                "revision": "r-0001",
                "time": "2024-05-01T12:00:00Z"
              }
            }
            """;

    @Test
    void writesAStableReadableFileAndReadsItBack() {
        Ownership owned = Ownership.none(RouterKind.EDGEOS)
                .withOwned(EntryKind.STATIC_MAPPING, List.of("node00", "kube-master"))
                .withOwned(EntryKind.GLOBAL_PARAMETER, List.of("include &quot;/config/scripts/ipxe-option-space.conf&quot;;"))
                .withOwned(EntryKind.FILE, List.of("/config/scripts/ipxe-green.conf"))
                .withLastApplied("r-0001", Instant.parse("2024-05-01T12:00:00Z"));
        assertEquals(EDGEOS, owned.toJson());
        assertEquals(owned, Ownership.parse(owned.toJson(), FILE, RouterKind.EDGEOS));
    }

    @Test
    void anOpenwrtFileOwnsSectionsAndFiles() {
        Ownership owned = Ownership.none(RouterKind.OPENWRT).withOwned(EntryKind.SECTION, List.of("mb_boot_ipxe", "mb_bios"));
        Ownership back = Ownership.parse(owned.toJson(), "/etc/metalboot/state.json", RouterKind.OPENWRT);
        assertEquals(List.of("mb_bios", "mb_boot_ipxe"), List.copyOf(back.owned(EntryKind.SECTION)));
        assertEquals(RouterKind.OPENWRT, back.router());
    }

    record Bad(String name, String json, String message) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Bad> bad() {
        String fix = "fix the file or remove it; metalboot then owns nothing on this router";
        return List.of(
                new Bad("not json", "{\"format\": 1,", FILE + ": not valid JSON (Unexpected end-of-input within/between Object entries"
                        + " at line 1, column 14); fix the file or remove it (metalboot then owns nothing on this router)"),
                new Bad("array", "[]", FILE + ": the document is [] (expected a JSON object)"),
                new Bad("format", EDGEOS.replace("\"format\": 1", "\"format\": 2"), FILE + ": field 'format' is 2 (this metalboot"
                        + " reads format 1; use the metalboot version that wrote it, or remove the file)"),
                new Bad("tool", EDGEOS.replace("\"metalboot\"", "\"other\""), FILE + ": field 'tool' is \"other\" (expected"
                        + " \"metalboot\"; this file was not written by metalboot)"),
                new Bad("router", EDGEOS.replace("\"edgeos\"", "\"openwrt\""), FILE + ": field 'router' is \"openwrt\" (this is an"
                        + " edgeos router; the file belongs to another router kind (remove it if the router was replaced))"),
                new Bad("missing", EDGEOS.replace("\"tool\": \"metalboot\",", ""), FILE + ": field 'tool' is missing (" + fix + ")"),
                new Bad("unknown", EDGEOS.replace("\"staticMappings\"", "\"mappings\""), FILE + ": field 'owned.mappings' is not"
                        + " known (expected staticMappings, globalParameters, subnetParameters, files); fix the file or remove it"),
                new Bad("item", EDGEOS.replace("\"node00\"", "5"), FILE + ": field 'owned.staticMappings[1]' is 5 (expected a"
                        + " non-empty string)"),
                new Bad("time", EDGEOS.replace("2024-05-01T12:00:00Z", "yesterday"), FILE + ": field 'lastApplied.time' is"
                        + " \"yesterday\" (expected an ISO-8601 UTC time such as 2024-05-01T12:00:00Z)"));
    }

    @ParameterizedTest
    @MethodSource("bad")
    void aBadStateFileNamesTheFileTheFieldAndTheValue(Bad bad) {
        RouterAgentException e = assertThrows(RouterAgentException.class, () -> Ownership.parse(bad.json(), FILE, RouterKind.EDGEOS));
        assertEquals(bad.message(), e.getMessage());
    }
}
