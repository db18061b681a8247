package io.metalboot.proxydhcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metalboot.dhcp.DhcpOptions;
import io.metalboot.dhcp.DhcpPacket;
import io.metalboot.dhcp.Requests;
import io.metalboot.proxydhcp.ProxyResponder.Port;
import io.metalboot.router.Ipv4Address;
import io.metalboot.router.MacAddress;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ProxyResponderTest {
    static final String KNOWN = "00:00:00:00:00:01";
    static final String UNKNOWN = "00:00:00:00:00:99";
    static final Ipv4Address SERVER = Ipv4Address.parse("192.168.1.250");
    static final ProxyResponder RESPONDER = new ProxyResponder(SERVER, new BootFiles("http://192.168.1.250/boot.ipxe"),
            Set.of(MacAddress.parse(KNOWN).orElseThrow())::contains);

    record Case(String name, byte[] request, Port port, Optional<String> file, int type, boolean option43) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("iPXE DISCOVER on 67: the HTTP script", Requests.ipxe(KNOWN, 1).bytes(), Port.DHCP,
                        Optional.of("http://192.168.1.250/boot.ipxe"), 2, true),
                new Case("iPXE REQUEST on 4011: ACK", Requests.ipxe(KNOWN, 3).ciaddr(0xc0a80164).bytes(), Port.PXE,
                        Optional.of("http://192.168.1.250/boot.ipxe"), 5, true),
                new Case("OVMF arch 7 DISCOVER: ipxe.efi, no option 43", Requests.ovmf(KNOWN, 1).bytes(), Port.DHCP, Optional.of("ipxe.efi"), 2, false),
                new Case("OVMF arch 7 REQUEST on 4011", Requests.ovmf(KNOWN, 3).bytes(), Port.PXE, Optional.of("ipxe.efi"), 5, false),
                new Case("BIOS PXE arch 0: undionly.kpxe", Requests.from(KNOWN).option(53, 1).text(60, "PXEClient:Arch:00000:UNDI:002001")
                        .option(93, 0, 0).bytes(), Port.DHCP, Optional.of("undionly.kpxe"), 2, true),
                new Case("no option 93 counts as BIOS", Requests.from(KNOWN).option(53, 1).text(60, "PXEClient").bytes(), Port.DHCP,
                        Optional.of("undionly.kpxe"), 2, true),
                new Case("arch 9 (EFI BC): ipxe.efi", Requests.from(KNOWN).option(53, 1).text(60, "PXEClient:Arch:00009")
                        .option(93, 0, 9).bytes(), Port.DHCP, Optional.of("ipxe.efi"), 2, false),
                new Case("arm64 UEFI (arch 11): the architecture table's arm64 loader", Requests.from(KNOWN).option(53, 1)
                        .text(60, "PXEClient:Arch:00011").option(93, 0, 11).bytes(), Port.DHCP, Optional.of("ipxe-arm64.efi"), 2, false),
                new Case("UEFI HTTP boot (arch 16) is no PXE client of a proxy", Requests.from(KNOWN).option(53, 1)
                        .text(60, "PXEClient:Arch:00016").option(93, 0, 16).bytes(), Port.DHCP, Optional.empty(), 0, false),
                new Case("unknown MAC: silence", Requests.ovmf(UNKNOWN, 1).bytes(), Port.DHCP, Optional.empty(), 0, false),
                new Case("not PXE (a laptop's DHCP): silence", Requests.from(KNOWN).option(53, 1).text(60, "android-dhcp-13").bytes(),
                        Port.DHCP, Optional.empty(), 0, false),
                new Case("REQUEST on 67 is the DHCP server's", Requests.ovmf(KNOWN, 3).bytes(), Port.DHCP, Optional.empty(), 0, false),
                new Case("DISCOVER on 4011: silence", Requests.ovmf(KNOWN, 1).bytes(), Port.PXE, Optional.empty(), 0, false),
                new Case("a reply (op 2): silence", Requests.ovmf(KNOWN, 1).op(2).bytes(), Port.DHCP, Optional.empty(), 0, false),
                new Case("plain BOOTP, no option 53: silence", Requests.from(KNOWN).text(60, "PXEClient").bytes(), Port.DHCP,
                        Optional.empty(), 0, false));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void answersOnlyPxeClientsTheInventoryNames(Case c) {
        DhcpPacket request = DhcpPacket.parse(c.request(), c.request().length);
        Optional<ProxyResponder.Answer> answer = RESPONDER.answer(request, c.port());
        assertEquals(c.file(), answer.map(ProxyResponder.Answer::file));
        if (answer.isEmpty()) {
            return;
        }
        byte[] wire = answer.get().reply().encode();
        DhcpPacket reply = DhcpPacket.parse(wire, wire.length);
        assertEquals(DhcpPacket.BOOTREPLY, reply.op());
        assertEquals(DhcpPacket.ZERO, reply.yiaddr(), "a proxy never offers an address");
        assertEquals(SERVER, reply.siaddr());
        assertEquals("192.168.1.250", reply.sname());
        assertEquals(c.file().get(), reply.file());
        assertEquals(request.xid(), reply.xid());
        assertEquals(c.type(), reply.options().u8(DhcpOptions.MESSAGE_TYPE).orElseThrow());
        assertEquals(Optional.of("PXEClient"), reply.options().text(DhcpOptions.VENDOR_CLASS));
        assertEquals("c0a801fa", java.util.HexFormat.of().formatHex(reply.options().get(DhcpOptions.SERVER_ID).orElseThrow()));
        assertEquals(c.option43(), reply.options().has(DhcpOptions.VENDOR_SPECIFIC));
        assertEquals(request.options().has(DhcpOptions.CLIENT_UUID), reply.options().has(DhcpOptions.CLIENT_UUID));
        assertTrue(c.port() == Port.DHCP ? reply.ciaddr().equals(DhcpPacket.ZERO) : reply.ciaddr().equals(request.ciaddr()));
    }
}
