package io.metalboot.router.plan;

import io.metalboot.router.RouterAgentException;
import java.util.List;

/**
 * The plan cannot be made without touching what metalboot does not own, or would produce a
 * configuration the router refuses: an unowned entry colliding with the inventory, someone else's
 * staged uci changes, a pool that would swallow a static mapping. Nothing has been sent. The
 * message holds one line per conflict, each naming both sides and what to do.
 */
public class PlanConflictException extends RouterAgentException {
    private static final long serialVersionUID = 1L;
    private final List<String> conflicts;

    public PlanConflictException(List<String> conflicts) {
        super(String.join("\n", conflicts));
        if (conflicts.isEmpty()) {
            throw new IllegalArgumentException("a plan conflict needs at least one reason");
        }
        this.conflicts = List.copyOf(conflicts);
    }

    /** One line per conflict, in the order found. */
    public List<String> conflicts() {
        return conflicts;
    }
}
