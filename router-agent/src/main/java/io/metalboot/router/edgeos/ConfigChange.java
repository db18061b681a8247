package io.metalboot.router.edgeos;

import java.util.List;

/**
 * The result of one {@code set}/{@code delete}/{@code comment} command applied to a
 * {@link ConfigTree}: the resulting tree (unchanged unless {@link Status#APPLIED}) and the lines
 * the EdgeOS shell prints for it, word for word, so a simulated router can print them.
 */
public record ConfigChange(ConfigTree tree, Status status, List<String> output) {

    /** What the router made of the command. */
    public enum Status {
        /** The working configuration changed; the router prints nothing. */
        APPLIED,
        /** {@code set} of a path that is already there: "… already exists", exit status 0. */
        ALREADY_EXISTS,
        /** {@code delete} of a path that is not there: "Nothing to delete …", exit status 0. */
        NOTHING_TO_DELETE,
        /** Invalid path or value: the router prints the reason and "Set failed", exit status 1. */
        FAILED
    }

    public ConfigChange {
        output = List.copyOf(output);
    }

    /** Whether the router's shell would exit non-zero. */
    public boolean failed() {
        return status == Status.FAILED;
    }
}
