package io.metalboot.cli;

import picocli.CommandLine.Command;

@Command(name = "metalboot", mixinStandardHelpOptions = true, version = "metalboot 0.1.0",
        description = "Kubernetes on your own metal: router DHCP, iPXE boot server and PKI from one inventory.")
final class MetalbootCommand {
}
