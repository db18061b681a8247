package io.metalboot.sim;

import io.metalboot.router.RequiredTool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One lab machine: QEMU under software emulation with the given MAC on a tap of the lab's switch,
 * its serial console written to a file. BIOS machines are SeaBIOS with Debian's iPXE ROM for a
 * modern virtio-net NIC (ipxe-qemu; the ROM names device 1af4:1041, so the NIC is modern-only), so
 * the firmware itself is iPXE and asks DHCP with user-class "iPXE".
 */
record Machine(String mac, Path console, Process process) {
    static final String IPXE_VIRTIO_ROM = "/usr/lib/ipxe/qemu/pxe-virtio.rom";

    /** Boots a BIOS machine from the network. */
    static Machine bios(NetLab lab, String mac, Path dir) throws IOException, InterruptedException {
        Path qemu = RequiredTool.find("qemu-system-x86_64", "qemu-system-x86").path();
        if (!Files.exists(Path.of(IPXE_VIRTIO_ROM))) {
            RequiredTool.find("missing-" + IPXE_VIRTIO_ROM, "ipxe-qemu");
        }
        String tap = lab.tap();
        Path console = dir.resolve("console-" + mac.replace(':', '-') + ".log");
        Process p = lab.start(lab.lan(), console, qemu.toString(), "-machine", "pc,accel=tcg,graphics=off", "-m", "256",
                "-display", "none", "-vga", "none", "-serial", "stdio", "-no-reboot", "-nodefaults",
                "-netdev", "tap,id=n0,ifname=" + tap + ",script=no,downscript=no",
                "-device", "virtio-net-pci,disable-legacy=on,netdev=n0,mac=" + mac + ",romfile=" + IPXE_VIRTIO_ROM + ",bootindex=1");
        return new Machine(mac, console, p);
    }

    static final Path OVMF_CODE = Path.of("/usr/share/OVMF/OVMF_CODE.fd");
    static final Path OVMF_VARS = Path.of("/usr/share/OVMF/OVMF_VARS.fd");

    /**
     * Boots a UEFI machine from the network: OVMF (Debian's ovmf) with its own virtio-net driver and no
     * option ROM, so the firmware's own PXE asks DHCP with client architecture 7 and fetches ipxe.efi
     * over TFTP, as a NUC's firmware does.
     */
    static Machine uefi(NetLab lab, String mac, Path dir) throws IOException, InterruptedException {
        Path qemu = RequiredTool.find("qemu-system-x86_64", "qemu-system-x86").path();
        if (!Files.exists(OVMF_CODE)) {
            RequiredTool.find("missing-" + OVMF_CODE, "ovmf");
        }
        String tap = lab.tap();
        Path vars = Files.copy(OVMF_VARS, dir.resolve("vars-" + mac.replace(':', '-') + ".fd"));
        Path console = dir.resolve("console-uefi-" + mac.replace(':', '-') + ".log");
        Process p = lab.start(lab.lan(), console, qemu.toString(), "-machine", "q35,accel=tcg", "-m", "512",
                "-display", "none", "-vga", "none", "-serial", "stdio", "-no-reboot", "-nodefaults",
                "-drive", "if=pflash,format=raw,readonly=on,file=" + OVMF_CODE, "-drive", "if=pflash,format=raw,file=" + vars,
                "-netdev", "tap,id=n0,ifname=" + tap + ",script=no,downscript=no",
                "-device", "virtio-net-pci,netdev=n0,mac=" + mac + ",romfile=,bootindex=1");
        return new Machine(mac, console, p);
    }

    /** What the machine printed on its serial console so far (escape sequences dropped). */
    String consoleText() throws IOException {
        return Files.exists(console) ? Files.readString(console, StandardCharsets.ISO_8859_1).replaceAll("\u001b\\[[0-9;?]*[A-Za-z]", "") : "";
    }
}
