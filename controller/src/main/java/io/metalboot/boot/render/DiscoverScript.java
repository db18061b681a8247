package io.metalboot.boot.render;

/**
 * What {@code /ipxe} answers a machine whose MAC no group selects, when the inventory says
 * {@code unknownMachines: discover} (the default) or {@code ignore}: nothing is booted, the firmware goes on to
 * its next boot device. {@code discover} first reports what iPXE knows of the machine to {@code /discover}
 * (iPXE has no command that lists disks, so memory is reported and disks are not).
 */
public final class DiscoverScript {
    /** Reports the machine, then exits to the next boot device. */
    public static final String DISCOVER = "#!ipxe\n"
            + "echo metalboot: ${mac} is not in the inventory: reporting it, then booting from the next device\n"
            + "imgfetch --name metalboot-report discover?mac=${mac:hexhyp}&uuid=${uuid}&serial=${serial:uristring}"
            + "&hostname=${hostname:uristring}&arch=${buildarch:uristring}&platform=${platform:uristring}"
            + "&manufacturer=${manufacturer:uristring}&product=${product:uristring}&memsize=${memsize} ||\n"
            + "imgfree metalboot-report ||\n"
            + "echo metalboot: to install it: metalboot adopt ${mac} --name NAME --role worker\n"
            + "sleep 5\n"
            + "exit\n";
    /** Only exits to the next boot device. */
    public static final String IGNORE = "#!ipxe\nexit\n";

    private DiscoverScript() {
    }
}
