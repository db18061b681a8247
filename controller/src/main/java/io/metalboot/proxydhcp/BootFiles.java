package io.metalboot.proxydhcp;

import io.metalboot.bootarch.BootArch;
import io.metalboot.bootarch.BootArchs;
import java.util.Optional;

/**
 * What each client gets to boot, from the same table the router templates are written from
 * ({@link BootArchs}): iPXE itself (user class "iPXE") the boot server's HTTP script, a PXE client
 * the TFTP loader of its architecture (RFC 4578: 0 BIOS {@code undionly.kpxe}, 7 and 9 x86-64 UEFI
 * {@code ipxe.efi}, 11 arm64). HTTP-boot clients are not PXE clients and get nothing from a proxy.
 */
record BootFiles(String bootScriptUrl) {
    /** The file for a client; empty when there is none for its architecture. */
    Optional<String> forClient(boolean ipxe, int arch) {
        if (ipxe) {
            return Optional.of(bootScriptUrl);
        }
        return BootArchs.forClientArch(arch).filter(a -> a.protocol() == BootArch.Protocol.TFTP).map(BootArch::loader);
    }
}
