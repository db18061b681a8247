package io.metalboot.dhcp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metalboot.dhcp.DhcpPacket.MessageType;
import io.metalboot.router.Ipv4Address;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DhcpCodecTest {
    static final String MAC = "00:00:00:00:00:01";

    record Good(String name, byte[] datagram, MessageType type, int arch, String vendorClass, Optional<String> userClass) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Good> firmware() {
        return Stream.of(
                new Good("iPXE ROM under SeaBIOS, DISCOVER", Requests.ipxe(MAC, 1).bytes(), MessageType.DISCOVER, 0,
                        "PXEClient:Arch:00000:UNDI:002001", Optional.of("iPXE")),
                new Good("iPXE, REQUEST to 4011", Requests.ipxe(MAC, 3).ciaddr(0xc0a80164).bytes(), MessageType.REQUEST, 0,
                        "PXEClient:Arch:00000:UNDI:002001", Optional.of("iPXE")),
                new Good("OVMF PXE, DISCOVER", Requests.ovmf(MAC, 1).bytes(), MessageType.DISCOVER, 7,
                        "PXEClient:Arch:00007:UNDI:003000", Optional.empty()),
                new Good("OVMF PXE, no end option", Requests.ovmf(MAC, 1).bytes(false), MessageType.DISCOVER, 7,
                        "PXEClient:Arch:00007:UNDI:003000", Optional.empty()),
                new Good("padded with zeros after the end", pad(Requests.ovmf(MAC, 1).bytes(), 548), MessageType.DISCOVER, 7,
                        "PXEClient:Arch:00007:UNDI:003000", Optional.empty()),
                new Good("vendor class split in two (RFC 3396)", Requests.from(MAC).option(53, 1).text(60, "PXEClient:Arch:")
                        .text(60, "00009").option(93, 0, 9).bytes(), MessageType.DISCOVER, 9, "PXEClient:Arch:00009", Optional.empty()),
                new Good("options in file (overload 1)", overloaded(), MessageType.DISCOVER, 0, "PXEClient", Optional.empty()));
    }

    @ParameterizedTest
    @MethodSource("firmware")
    void readsWhatTheFirmwareSends(Good g) {
        DhcpPacket p = DhcpPacket.parse(g.datagram(), g.datagram().length);
        assertEquals(Optional.of(g.type()), p.messageType());
        assertEquals(MAC, p.mac().orElseThrow().toString());
        assertEquals(g.arch(), p.options().u16(DhcpOptions.CLIENT_ARCH).orElse(0));
        assertEquals(Optional.of(g.vendorClass()), p.options().text(DhcpOptions.VENDOR_CLASS));
        assertEquals(g.userClass(), p.options().text(DhcpOptions.USER_CLASS));
        assertEquals(0x1234abcd, p.xid());
    }

    record Bad(String name, byte[] datagram, String reason) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Bad> damaged() {
        byte[] good = Requests.ovmf(MAC, 1).bytes();
        return Stream.of(
                new Bad("empty", new byte[0], "truncated"),
                new Bad("header only", Arrays.copyOf(good, 236), "truncated"),
                new Bad("cut inside an option", Arrays.copyOf(good, 250), "option overrun"),
                new Bad("wrong magic cookie", Requests.ovmf(MAC, 1).cookie(0x63825364).bytes(), "wrong magic cookie"),
                new Bad("option length past the end", Requests.from(MAC).option(53, 1).raw(60, 200, 'P', 'X').bytes(false), "option overrun"),
                new Bad("option code without a length", Requests.from(MAC).option(53, 1).raw(60).bytes(false), "option overrun"),
                new Bad("giant option 55", giant55(), "giant option 55"),
                new Bad("op 3", Requests.ovmf(MAC, 1).op(3).bytes(), "bad op"),
                new Bad("hlen 17", hlen(good, 17), "bad hlen"),
                new Bad("bigger than an Ethernet frame", new byte[1600], "oversized"),
                new Bad("overload 7", Requests.from(MAC).option(53, 1).option(52, 7).bytes(), "bad overload"),
                new Bad("overrun inside file", overrunInFile(), "option overrun"));
    }

    @ParameterizedTest
    @MethodSource("damaged")
    void dropsDamagedPackets(Bad b) {
        BadPacketException e = assertThrows(BadPacketException.class, () -> DhcpPacket.parse(b.datagram(), b.datagram().length));
        assertEquals(b.reason(), e.reason());
    }

    @Test
    void encodesWhatItParses() {
        DhcpPacket p = DhcpPacket.parse(Requests.ovmf(MAC, 1).bytes(), Requests.ovmf(MAC, 1).bytes().length);
        DhcpPacket reply = p.reply().withAddresses(DhcpPacket.ZERO, DhcpPacket.ZERO, Ipv4Address.parse("192.168.1.250"))
                .withBoot("192.168.1.250", "ipxe.efi").withOptions(DhcpOptions.empty().with(53, new byte[] {2})
                        .with(60, "PXEClient").with(43, new byte[300]));
        byte[] wire = reply.encode();
        assertTrue(wire.length >= 300, "BOOTP minimum: " + wire.length);
        DhcpPacket back = DhcpPacket.parse(wire, wire.length);
        assertEquals(Optional.of(MessageType.OFFER), back.messageType());
        assertEquals("ipxe.efi", back.file());
        assertEquals("192.168.1.250", back.sname());
        assertEquals(Ipv4Address.parse("192.168.1.250"), back.siaddr());
        assertArrayEquals(new byte[300], back.options().get(43).orElseThrow()); // split in two on the wire, joined again
        assertEquals("02", HexFormat.of().formatHex(back.options().get(53).orElseThrow()));
        assertArrayEquals(p.chaddr(), back.chaddr());
        assertEquals(p.xid(), back.xid());
    }

    private static byte[] pad(byte[] b, int size) {
        return Arrays.copyOf(b, size);
    }

    private static byte[] hlen(byte[] b, int hlen) {
        byte[] c = b.clone();
        c[2] = (byte) hlen;
        return c;
    }

    private static byte[] giant55() {
        Requests r = Requests.from(MAC).option(53, 1);
        for (int i = 0; i < 3; i++) {
            int[] list = new int[255];
            Arrays.fill(list, 1);
            r.option(55, list);
        }
        return r.bytes();
    }

    private static byte[] overloaded() {
        byte[] b = Requests.from(MAC).option(53, 1).option(52, 1).bytes();
        byte[] file = {60, 9, 'P', 'X', 'E', 'C', 'l', 'i', 'e', 'n', 't', (byte) 255};
        System.arraycopy(file, 0, b, 108, file.length);
        return b;
    }

    private static byte[] overrunInFile() {
        byte[] b = Requests.from(MAC).option(53, 1).option(52, 1).bytes();
        b[108 + 126] = 60;
        b[108 + 127] = 9;
        return b;
    }
}
