package io.metalboot.routercfg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The boot architecture table as both router kinds hand it out, exactly: one ISC dhcpd branch and
 * one dnsmasq tag per row, UEFI HTTP boot (client arch 16 and 19) answered with an http:// loader
 * and option 60 {@code HTTPClient}, iPXE itself still answered first (dhcpd) and last (dnsmasq).
 * RenderCommandTest runs the same rendered configs through the real {@code dhcpd -t} and
 * {@code dnsmasq --test}.
 */
class BootArchGoldenTest {
    /** What the article's ipxe-green.conf tests between the iPXE branch and the fallback. */
    static final String SEED_BRANCHES = """
            } elsif option arch = 00:07 {
                filename "ipxe.efi";
            } elsif option arch = 00:00 {
                filename "undionly.kpxe";
            }""";

    static final String TABLE_BRANCHES = """
            } elsif option arch = 00:00 {
                filename "undionly.kpxe";
            } elsif option arch = 00:07 or option arch = 00:09 {
                filename "ipxe.efi";
            } elsif option arch = 00:10 {
                option vendor-class-identifier "HTTPClient";
                filename "http://192.168.1.250/loaders/ipxe.efi";
            } elsif option arch = 00:0b {
                filename "ipxe-arm64.efi";
            } elsif option arch = 00:13 {
                option vendor-class-identifier "HTTPClient";
                filename "http://192.168.1.250/loaders/ipxe-arm64.efi";
            }""";

    @Test
    void edgeosAnswersEachRowInItsOwnBranch() {
        String green = EdgeosConfig.render(Fixtures.example(), Fixtures.BUNDLED).green();
        assertEquals("""
                if exists user-class and option user-class = "iPXE" {
                    filename "http://192.168.1.250/boot.ipxe";
                """ + TABLE_BRANCHES + """
                 else {
                    filename "ipxe.efi";
                }
                """, green.substring(green.indexOf("if exists"), green.indexOf("\nnext-server")));
    }

    @Test
    void openwrtTagsEachRowAndForcesHttpClientForHttpBoot() {
        String conf = OpenwrtConfig.render(Fixtures.example(), Fixtures.BUNDLED).dnsmasqConf(UnaryOperator.identity()).content();
        String boot = Arrays.stream(conf.split("\n")).filter(l -> l.matches("dhcp-(boot|match|userclass|option-force)=.*"))
                .collect(Collectors.joining("\n"));
        assertEquals("""
                dhcp-boot=tag:bios,undionly.kpxe,node00,192.168.1.250
                dhcp-boot=tag:efi64,ipxe.efi,node00,192.168.1.250
                dhcp-boot=tag:efi64_http,http://192.168.1.250/loaders/ipxe.efi,node00,192.168.1.250
                dhcp-option-force=efi64_http,60,HTTPClient
                dhcp-boot=tag:arm64,ipxe-arm64.efi,node00,192.168.1.250
                dhcp-boot=tag:arm64_http,http://192.168.1.250/loaders/ipxe-arm64.efi,node00,192.168.1.250
                dhcp-option-force=arm64_http,60,HTTPClient
                dhcp-boot=tag:ipxe,http://192.168.1.250/boot.ipxe,node00,192.168.1.250
                dhcp-userclass=set:ipxe,iPXE
                dhcp-match=set:bios,option:client-arch,0
                dhcp-match=set:efi64,option:client-arch,7
                dhcp-match=set:efi64,option:client-arch,9
                dhcp-match=set:efi64_http,option:client-arch,16
                dhcp-match=set:arm64,option:client-arch,11
                dhcp-match=set:arm64_http,option:client-arch,19""", boot);
    }

    @Test
    void theHttpBootRowIsOneUciBootSection() {
        String batch = String.join("\n", OpenwrtConfig.render(Fixtures.example(), Fixtures.BUNDLED).batch());
        String section = batch.substring(batch.indexOf("set dhcp.mb_boot_efi64_http=boot"), batch.indexOf("set dhcp.mb_boot_arm64=boot"));
        assertEquals("""
                set dhcp.mb_boot_efi64_http=boot
                set dhcp.mb_boot_efi64_http.networkid='efi64_http'
                set dhcp.mb_boot_efi64_http.filename='http://192.168.1.250/loaders/ipxe.efi'
                set dhcp.mb_boot_efi64_http.servername='node00'
                set dhcp.mb_boot_efi64_http.serveraddress='192.168.1.250'
                set dhcp.mb_boot_efi64_http.force='1'
                add_list dhcp.mb_boot_efi64_http.dhcp_option='60,HTTPClient'
                """, section);
    }
}
