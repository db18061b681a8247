package io.metalboot.adopt;

import io.metalboot.inventory.Machine.Role;
import io.metalboot.router.Ipv4Address;
import io.metalboot.router.MacAddress;
import java.util.Optional;

/** A machine to add to the inventory: its MAC, name and role, and its address unless the next free one will do. */
public record Adoption(MacAddress mac, String name, Role role, Optional<Ipv4Address> ip) {
}
