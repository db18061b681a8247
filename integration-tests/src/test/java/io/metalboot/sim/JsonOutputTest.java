package io.metalboot.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.metalboot.cli.Cli;
import java.util.ArrayList;
import java.util.List;

/** `--json` on plan, apply, diff, history and rollback: one parseable document on stdout, progress on stderr. */
class JsonOutputTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode json(Cli run) throws Exception {
        return JSON.readTree(run.out());
    }

    @SimRouterTest
    void everyRouterCommandSpeaksJson(SimLab lab) throws Exception {
        Cli plan = lab.metalboot("plan", "--trust-new-host-key", "--json");
        assertEquals(3, plan.exitCode(), plan.err());
        JsonNode p = json(plan).get("plan");
        assertEquals(false, p.get("upToDate").asBoolean());
        List<String> keys = new ArrayList<>();
        p.get("changes").forEach(c -> keys.add(c.get("type").asText() + " " + c.get("key").asText()));
        assertTrue(keys.stream().anyMatch(k -> k.startsWith("add ") && k.contains("kube") && k.contains("master")), keys.toString());

        Cli refused = lab.metalboot("apply", "--json");
        assertEquals(2, refused.exitCode());
        assertEquals("metalboot: not applying: --json was given, so nobody can confirm; pass --yes to apply the plan\n", refused.err());

        Cli apply = lab.metalboot("apply", "--json", "--yes");
        assertEquals(0, apply.exitCode(), apply.err());
        JsonNode a = json(apply);
        assertEquals("applied", a.get("outcome").asText());
        assertEquals("0001", a.get("revision").asText());
        assertTrue(apply.err().contains("verified; confirming..."), "progress goes to stderr: " + apply.err());

        JsonNode upToDate = json(lab.metalboot("apply", "--json", "--yes"));
        assertEquals("up-to-date", upToDate.get("outcome").asText());
        assertEquals(true, json(lab.metalboot("plan", "--json")).get("plan").get("upToDate").asBoolean());

        Cli diff = lab.metalboot("diff", "--json");
        assertEquals(0, diff.exitCode(), diff.err());
        assertEquals(0, json(diff).get("drift").size());
        assertEquals("0001", json(diff).get("revision").asText());

        Cli rollback = lab.metalboot("rollback", "--json", "--yes");
        assertEquals(0, rollback.exitCode(), rollback.err());
        assertEquals("the state before revision 0001", json(rollback).get("rollbackTo").asText());

        JsonNode history = json(lab.metalboot("history", "--json"));
        assertEquals(2, history.size());
        assertEquals("applied", history.get(1).get("outcome").asText());
        assertEquals("the state before revision 0001", history.get(1).get("rollbackTo").asText());
    }
}
