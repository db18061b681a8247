package io.metalboot.cli;

import java.util.ServiceLoader;
import picocli.CommandLine;

/** Entry point of the {@code metalboot} command: wires the subcommands, holds no logic. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line; tests run it in-process with their own writers. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new MetalbootCommand());
        ServiceLoader.load(Extension.class).forEach(e -> e.subcommands().forEach(cli::addSubcommand));
        return cli.setExecutionExceptionHandler(new Failures()).setCaseInsensitiveEnumValuesAllowed(true);
    }
}
