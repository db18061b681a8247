package io.metalboot.cli;

/**
 * A subcommand contributed by another jar on the class path (found with {@link java.util.ServiceLoader}),
 * e.g. {@code metalboot sim} from the simulated routers, which depend on this module and so cannot
 * be named here.
 */
public interface Extension {
    /** A picocli {@code @Command} object; its annotated name is the subcommand's name. */
    Object subcommand();
}
