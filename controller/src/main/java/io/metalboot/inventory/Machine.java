package io.metalboot.inventory;

import io.metalboot.bootarch.BootArch.Cpu;
import io.metalboot.router.Ipv4Address;
import io.metalboot.router.MacAddress;

/**
 * A machine of the lab: gets a fixed DHCP lease and, unless its role is {@code none}, joins the
 * cluster. {@code arch} is its processor ({@code amd64} unless the inventory says {@code arm64}),
 * which picks its install profile's kernel and initrd.
 */
public record Machine(String name, MacAddress mac, Ipv4Address ip, Role role, Cpu arch) {
    public Machine(String name, MacAddress mac, Ipv4Address ip, Role role) {
        this(name, mac, ip, role, Cpu.AMD64);
    }

    /** What a machine is in the cluster. */
    public enum Role {
        /** Control plane and etcd member. */
        MASTER,
        /** Runs workloads; an etcd member too in the seed's three-machine ring. */
        WORKER,
        /** Gets a fixed lease only, e.g. the laptop serving the boot files. */
        NONE;

        public String label() {
            return name().toLowerCase();
        }
    }
}
