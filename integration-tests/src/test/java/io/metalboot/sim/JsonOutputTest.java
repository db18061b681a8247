package io.metalboot.sim;

import io.metalboot.router.plan.RouterKind;
import static io.metalboot.sim.PlanCommandTest.metalboot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.metalboot.sim.PlanCommandTest.Run;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** `--json` on plan, apply, diff, history and rollback: one parseable document on stdout, progress on stderr. */
class JsonOutputTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    static JsonNode json(Run run) throws Exception {
        return JSON.readTree(run.out());
    }

    @ParameterizedTest
    @EnumSource(value = RouterKind.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void everyRouterCommandSpeaksJson(RouterKind kind) throws Exception {
        try (OpenSsh ssh = OpenSsh.start(kind, dir)) {
            String inv = LabDesired.inventoryFor(ssh.router(), dir).toString();
            Run plan = metalboot("plan", "-c", inv, "--trust-new-host-key", "--json");
            assertEquals(3, plan.status(), plan.err());
            JsonNode p = json(plan).get("plan");
            assertEquals(false, p.get("upToDate").asBoolean());
            List<String> keys = new ArrayList<>();
            p.get("changes").forEach(c -> keys.add(c.get("type").asText() + " " + c.get("key").asText()));
            assertTrue(keys.stream().anyMatch(k -> k.startsWith("add ") && k.contains("kube") && k.contains("master")), keys.toString());

            Run refused = metalboot("apply", "-c", inv, "--json");
            assertEquals(2, refused.status());
            assertEquals("metalboot: not applying: --json was given, so nobody can confirm; pass --yes to apply the plan\n", refused.err());

            Run apply = metalboot("apply", "-c", inv, "--json", "--yes");
            assertEquals(0, apply.status(), apply.err());
            JsonNode a = json(apply);
            assertEquals("applied", a.get("outcome").asText());
            assertEquals("0001", a.get("revision").asText());
            assertTrue(apply.err().contains("verified; confirming..."), "progress goes to stderr: " + apply.err());

            JsonNode upToDate = json(metalboot("apply", "-c", inv, "--json", "--yes"));
            assertEquals("up-to-date", upToDate.get("outcome").asText());
            assertEquals(true, json(metalboot("plan", "-c", inv, "--json")).get("plan").get("upToDate").asBoolean());

            Run diff = metalboot("diff", "-c", inv, "--json");
            assertEquals(0, diff.status(), diff.err());
            assertEquals(0, json(diff).get("drift").size());
            assertEquals("0001", json(diff).get("revision").asText());

            Run rollback = metalboot("rollback", "-c", inv, "--json", "--yes");
            assertEquals(0, rollback.status(), rollback.err());
            assertEquals("the state before revision 0001", json(rollback).get("rollbackTo").asText());

            JsonNode history = json(metalboot("history", "-c", inv, "--json"));
            assertEquals(2, history.size());
            assertEquals("applied", history.get(1).get("outcome").asText());
            assertEquals("the state before revision 0001", history.get(1).get("rollbackTo").asText());
        }
    }
}
