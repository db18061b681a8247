package io.metalboot.cli;

import picocli.CommandLine;

/** Entry point of the {@code metalboot} command: wires the subcommands, holds no logic. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new MetalbootCommand()).execute(args));
    }
}
