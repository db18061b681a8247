package io.metalboot.cli;

import io.metalboot.inventory.Inventory;
import io.metalboot.inventory.InventoryLoader;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code -c FILE} option every command that reads the inventory shares. */
final class InventoryOption {
    @Option(names = {"-c", "--config"}, defaultValue = "cluster.yaml", paramLabel = "FILE",
            description = "Inventory file (default: ${DEFAULT-VALUE}).")
    Path file;

    /** Reads and validates the file; throws with every problem found. */
    Inventory load() {
        return InventoryLoader.load(file);
    }
}
