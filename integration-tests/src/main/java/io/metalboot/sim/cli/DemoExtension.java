package io.metalboot.sim.cli;

import io.metalboot.cli.Extension;

/** Adds {@code metalboot demo} to the CLI when the simulators are on the class path. */
public final class DemoExtension implements Extension {
    @Override
    public Object subcommand() {
        return new DemoCommand();
    }
}
