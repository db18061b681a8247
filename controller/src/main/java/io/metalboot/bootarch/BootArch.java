package io.metalboot.bootarch;

import java.util.List;

/**
 * One kind of network-booting machine: what its firmware sends (client architecture, DHCP option 93;
 * vendor class, option 60), the first loader it must be given, and how it fetches it. The DHCP
 * templates of both router kinds and the boot data are written from {@link BootArchs#TABLE}.
 *
 * @param id          short name, also the dnsmasq tag ({@code -} becomes {@code _})
 * @param firmware    what the machine's firmware is, for the docs table
 * @param cpu         the processor the loader runs on
 * @param protocol    how the firmware fetches the loader
 * @param clientArch  the option 93 values that select this entry (RFC 4578 and IANA's processor architecture types)
 * @param vendorClass the option 60 prefix the firmware sends and the answer must echo, or empty
 * @param loader      the loader's file name in the data dir's {@code tftpboot/}
 */
public record BootArch(String id, String firmware, Cpu cpu, Protocol protocol, List<Integer> clientArch, String vendorClass,
        String loader) {

    public BootArch {
        clientArch = List.copyOf(clientArch);
        if (clientArch.isEmpty() || !id.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("boot arch '" + id + "' needs a lower-case id and at least one client arch");
        }
    }

    /** The processor a loader and a kernel are built for, with iPXE's names for it. */
    public enum Cpu {
        AMD64("amd64"), ARM64("arm64");

        private final String label;

        Cpu(String label) {
            this.label = label;
        }

        /** As the inventory and the docs write it: {@code amd64}, {@code arm64}. */
        public String label() {
            return label;
        }

        /** The inventory's value, or empty. */
        public static java.util.Optional<Cpu> of(String label) {
            return java.util.Arrays.stream(values()).filter(c -> c.label.equals(label)).findFirst();
        }
    }

    /** How the firmware fetches the first loader. */
    public enum Protocol {
        TFTP, HTTP
    }

    /** The dnsmasq tag (networkid) of this entry: {@code efi64-http} → {@code efi64_http}. */
    public String tag() {
        return id.replace('-', '_');
    }

    /**
     * iPXE's {@code ${buildarch}} when the loader is running: what {@code /boot.ipxe} passes on as
     * {@code arch=} ({@code i386} for undionly.kpxe, {@code x86_64} for ipxe.efi, {@code arm64}).
     */
    public String ipxeBuildarch() {
        return cpu == Cpu.ARM64 ? "arm64" : firmware.startsWith("BIOS") ? "i386" : "x86_64";
    }

    /** iPXE's {@code ${platform}}: {@code pcbios} or {@code efi}. */
    public String ipxePlatform() {
        return firmware.startsWith("BIOS") ? "pcbios" : "efi";
    }

    /** The boot file name in the DHCP answer: the TFTP name, or the loader's URL under the boot server's {@code /loaders/}. */
    public String bootFile(String bootServerUrl) {
        return protocol == Protocol.HTTP ? bootServerUrl + BootArchs.LOADERS_PATH + loader : loader;
    }
}
