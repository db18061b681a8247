package io.metalboot.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.metalboot.router.plan.Change;
import io.metalboot.router.plan.Plan;
import java.util.List;

/** A plan as JSON: its changes (type, entry, key, before, after, scope), adoptions, notes and what would be sent. */
final class PlanJson {
    private PlanJson() {
    }

    static ObjectNode of(Plan plan) {
        ObjectNode out = JsonOption.JSON.createObjectNode();
        out.put("upToDate", plan.isEmpty());
        out.put("changesRouter", plan.changesRouter());
        out.put("ownershipChanged", plan.ownershipChanged());
        out.set("changes", changes(plan.changes()));
        out.set("adoptions", changes(plan.adoptions()));
        out.set("notes", strings(plan.notes()));
        out.set("commands", strings(plan.commands()));
        out.set("uploads", strings(List.copyOf(plan.uploads().keySet())));
        out.set("fileDeletions", strings(plan.fileDeletions()));
        return out;
    }

    private static ArrayNode changes(List<Change> changes) {
        ArrayNode list = JsonOption.JSON.createArrayNode();
        for (Change c : changes) {
            ObjectNode n = list.addObject();
            n.put("type", c.type().name().toLowerCase());
            n.put("entry", c.entry().label());
            n.put("key", c.key());
            c.before().ifPresent(b -> n.put("before", b));
            c.after().ifPresent(a -> n.put("after", a));
            n.put("scope", c.scope());
            n.put("line", c.line());
        }
        return list;
    }

    static ArrayNode strings(List<String> values) {
        ArrayNode list = JsonOption.JSON.createArrayNode();
        values.forEach(list::add);
        return list;
    }
}
