package io.metalboot.cli;

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
        return new CommandLine(new MetalbootCommand())
                .setExecutionExceptionHandler(new Failures())
                .setCaseInsensitiveEnumValuesAllowed(true);
    }
}
