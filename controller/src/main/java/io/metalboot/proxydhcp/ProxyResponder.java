package io.metalboot.proxydhcp;

import io.metalboot.dhcp.DhcpOptions;
import io.metalboot.dhcp.DhcpPacket;
import io.metalboot.dhcp.DhcpPacket.MessageType;
import io.metalboot.router.Ipv4Address;
import io.metalboot.router.MacAddress;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The PXE specification's proxyDHCP (version 2.1, sections 2.2.3-2.2.5), as pixiecore and smee answer
 * it: a DHCPDISCOVER on port 67 gets a DHCPOFFER and a DHCPREQUEST (or INFORM) on port 4011 a
 * DHCPACK, both with no address ({@code yiaddr} 0.0.0.0), option 60 "PXEClient", the server's
 * identifier, {@code siaddr}/{@code sname} naming the TFTP server and {@code file} the boot file.
 * Only PXE clients (option 60 starting "PXEClient") and iPXE (user class "iPXE") are answered, and
 * only machines {@code answers} accepts; everything else gets silence, so the real DHCP server alone
 * serves it and a machine not in the inventory goes on to its next boot device.
 */
record ProxyResponder(Ipv4Address server, BootFiles files, Predicate<MacAddress> answers) {
    /** Where a request arrived. */
    enum Port { DHCP, PXE }

    /** A reply and what it was for (for the log and {@code /status}). */
    record Answer(DhcpPacket reply, MacAddress mac, int arch, String file) {
    }

    /** PXE discovery control (option 43, sub-option 6) bit 3: boot the file named in this reply, no boot server discovery. */
    private static final byte[] BOOT_FROM_FILE = {6, 1, 8, (byte) 255};

    Optional<Answer> answer(DhcpPacket request, Port port) {
        if (request.op() != DhcpPacket.BOOTREQUEST) {
            return Optional.empty();
        }
        Optional<MessageType> type = request.messageType();
        MessageType replyType;
        if (port == Port.DHCP && type.equals(Optional.of(MessageType.DISCOVER))) {
            replyType = MessageType.OFFER;
        } else if (port == Port.PXE && (type.equals(Optional.of(MessageType.REQUEST)) || type.equals(Optional.of(MessageType.INFORM)))) {
            replyType = MessageType.ACK;
        } else {
            return Optional.empty(); // the DHCP server's business (REQUEST on 67, RELEASE, DECLINE) or not DHCP at all
        }
        DhcpOptions opts = request.options();
        boolean pxe = opts.text(DhcpOptions.VENDOR_CLASS).filter(v -> v.startsWith("PXEClient")).isPresent();
        boolean ipxe = opts.text(DhcpOptions.USER_CLASS).filter(u -> u.contains("iPXE")).isPresent();
        Optional<MacAddress> mac = request.mac();
        if (!pxe && !ipxe || mac.isEmpty() || !answers.test(mac.get())) {
            return Optional.empty();
        }
        int arch = opts.u16(DhcpOptions.CLIENT_ARCH).orElse(0);
        Optional<String> file = files.forClient(ipxe, arch);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        DhcpOptions out = DhcpOptions.empty()
                .with(DhcpOptions.MESSAGE_TYPE, new byte[] {(byte) replyType.code()})
                .with(DhcpOptions.SERVER_ID, bytes(server))
                .with(DhcpOptions.VENDOR_CLASS, "PXEClient");
        if (ipxe || arch == 0) {
            // UEFI firmware may ignore a proxy offer that bypasses discovery (pixiecore's finding); BIOS PXE and iPXE want it
            out = out.with(DhcpOptions.VENDOR_SPECIFIC, BOOT_FROM_FILE);
        }
        Optional<byte[]> uuid = opts.get(DhcpOptions.CLIENT_UUID);
        if (uuid.isPresent()) {
            out = out.with(DhcpOptions.CLIENT_UUID, uuid.get()); // the PXE spec asks for it back
        }
        DhcpPacket reply = request.reply()
                .withAddresses(port == Port.PXE ? request.ciaddr() : DhcpPacket.ZERO, DhcpPacket.ZERO, server)
                .withBoot(server.toString(), file.get())
                .withOptions(out);
        return Optional.of(new Answer(reply, mac.get(), arch, file.get()));
    }

    static byte[] bytes(Ipv4Address a) {
        int b = a.bits();
        return new byte[] {(byte) (b >>> 24), (byte) (b >>> 16), (byte) (b >>> 8), (byte) b};
    }
}
