package io.metalboot.inventory;

import io.metalboot.router.Ipv4Address;
import io.metalboot.router.MacAddress;

/** A machine of the lab: gets a fixed DHCP lease and, unless its role is {@code none}, joins the cluster. */
public record Machine(String name, MacAddress mac, Ipv4Address ip, Role role) {
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
