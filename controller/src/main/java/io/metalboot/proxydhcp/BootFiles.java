package io.metalboot.proxydhcp;

import java.util.Optional;

/**
 * What each client gets to boot, the same chain the router templates encode (edgeos
 * {@code ipxe-green.conf}, openwrt {@code dhcp}): iPXE itself (user class "iPXE") the boot server's
 * HTTP script, BIOS PXE (RFC 4578 architecture 0) {@code undionly.kpxe} and x86-64 UEFI
 * (architectures 7 and 9) {@code ipxe.efi}, both over TFTP. Other architectures get nothing.
 */
record BootFiles(String bootScriptUrl) {
    static final String BIOS = "undionly.kpxe";
    static final String EFI_X64 = "ipxe.efi";

    /** The file for a client; empty when there is none for its architecture. */
    Optional<String> forClient(boolean ipxe, int arch) {
        if (ipxe) {
            return Optional.of(bootScriptUrl);
        }
        return switch (arch) {
            case 0 -> Optional.of(BIOS);
            case 7, 9 -> Optional.of(EFI_X64);
            default -> Optional.empty();
        };
    }
}
