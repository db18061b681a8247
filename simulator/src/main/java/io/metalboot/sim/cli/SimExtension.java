package io.metalboot.sim.cli;

import io.metalboot.cli.Extension;
import java.util.List;

/** Adds {@code metalboot sim}, {@code demo}, {@code bench apply|storm} to the CLI when the simulators are on the class path. */
public final class SimExtension implements Extension {
    @Override
    public List<Object> subcommands() {
        return List.of(new SimCommand(), new DemoCommand(), new BenchCommand());
    }
}
