package io.metalboot.cli;

import java.util.List;

/**
 * Subcommands contributed by another jar on the class path (found with {@link java.util.ServiceLoader}),
 * e.g. {@code metalboot sim} and {@code metalboot demo} from the simulated routers, which depend on
 * this module and so cannot be named here.
 */
public interface Extension {
    /** picocli {@code @Command} objects; each one's annotated name is its subcommand's name. */
    List<Object> subcommands();
}
