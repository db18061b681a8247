package io.metalboot.sim.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code metalboot bench apply|storm}: the benchmarks the bench/ scripts drive. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Benchmarks: 'apply' against simulated routers over a slow link, 'storm' of machines booting at once.", ""},
        subcommands = {BenchApplyCommand.class, BenchStormCommand.class})
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }
}
