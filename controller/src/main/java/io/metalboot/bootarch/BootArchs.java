package io.metalboot.bootarch;

import io.metalboot.bootarch.BootArch.Cpu;
import io.metalboot.bootarch.BootArch.Protocol;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The machines metalboot boots, one row each. The order is the order the DHCP configs test them in;
 * iPXE itself (user class {@code iPXE}, any architecture) is answered before all of them with the
 * boot server's {@code /boot.ipxe}. Client architectures 16 and 19 are sent only by UEFI HTTP boot,
 * so they select the HTTP rows on their own; the answer then carries option 60 {@code HTTPClient},
 * which the firmware requires.
 */
public final class BootArchs {
    /** Where the boot server serves the loaders of {@code tftpboot/} over HTTP. */
    public static final String LOADERS_PATH = "/loaders/";
    public static final String HTTP_CLIENT = "HTTPClient";
    public static final String ARM64_LOADER = "ipxe-arm64.efi";

    public static final List<BootArch> TABLE = List.of(
            new BootArch("bios", "BIOS (legacy PXE)", Cpu.AMD64, Protocol.TFTP, List.of(0), "", "undionly.kpxe"),
            new BootArch("efi64", "UEFI (PXE)", Cpu.AMD64, Protocol.TFTP, List.of(7, 9), "", "ipxe.efi"),
            new BootArch("efi64-http", "UEFI (HTTP boot)", Cpu.AMD64, Protocol.HTTP, List.of(16), HTTP_CLIENT, "ipxe.efi"),
            new BootArch("arm64", "UEFI (PXE)", Cpu.ARM64, Protocol.TFTP, List.of(11), "", ARM64_LOADER),
            new BootArch("arm64-http", "UEFI (HTTP boot)", Cpu.ARM64, Protocol.HTTP, List.of(19), HTTP_CLIENT, ARM64_LOADER));

    private BootArchs() {
    }

    /** The row for a client architecture (option 93), if metalboot boots it. */
    public static java.util.Optional<BootArch> forClientArch(int arch) {
        return TABLE.stream().filter(a -> a.clientArch().contains(arch)).findFirst();
    }

    /** The loader file names, each once, in table order: what {@code tftpboot/} should hold. */
    public static List<String> loaders() {
        return TABLE.stream().map(BootArch::loader).distinct().toList();
    }

    /**
     * The table as template data (see {@code metalboot render --help}): per row its fields, the boot
     * file for this boot server, the option 93 values as ISC dhcpd compares them ({@code 00:07}) and
     * the uci sections of its dnsmasq matches ({@code mb_efi64}, then {@code mb_efi64_alt}).
     */
    public static List<Map<String, Object>> templateData(String bootServerUrl) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (BootArch a : TABLE) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", a.id());
            row.put("tag", a.tag());
            row.put("firmware", a.firmware());
            row.put("cpu", a.cpu().label());
            row.put("protocol", a.protocol().name().toLowerCase(java.util.Locale.ROOT));
            row.put("clientArch", a.clientArch());
            row.put("vendorClass", a.vendorClass());
            row.put("loader", a.loader());
            row.put("bootFile", a.bootFile(bootServerUrl));
            row.put("buildarch", a.ipxeBuildarch());
            row.put("platform", a.ipxePlatform());
            List<String> hex = new ArrayList<>();
            List<Map<String, Object>> matches = new ArrayList<>();
            for (int i = 0; i < a.clientArch().size(); i++) {
                int arch = a.clientArch().get(i);
                hex.add(String.format("%02x:%02x", arch >> 8, arch & 0xff));
                matches.add(Map.of("section", "mb_" + a.tag() + (i == 0 ? "" : i == 1 ? "_alt" : "_alt" + i), "arch", arch));
            }
            row.put("dhcpdArch", hex);
            row.put("matches", matches);
            rows.add(row);
        }
        return rows;
    }
}
