package io.metalboot.adopt;

import io.metalboot.inventory.Inventory;
import io.metalboot.inventory.Machine;

/** The inventory text with the machine added, the machine as the loader read it back, and the line its entry starts on. */
public record Adopted(String text, Machine machine, int line, Inventory inventory) {
}
