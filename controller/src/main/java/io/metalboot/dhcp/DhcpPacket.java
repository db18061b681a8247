package io.metalboot.dhcp;

import io.metalboot.router.Ipv4Address;
import io.metalboot.router.MacAddress;
import java.util.HexFormat;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One BOOTP/DHCP message (RFC 2131 section 2): the fixed header and its options. {@code sname} and
 * {@code file} are the header's text fields (NUL-terminated on the wire); when option 52 said they
 * carry options instead, those options are in {@link #options} and the fields are empty.
 */
public record DhcpPacket(int op, int htype, int hlen, int hops, int xid, int secs, int flags, Ipv4Address ciaddr,
        Ipv4Address yiaddr, Ipv4Address siaddr, Ipv4Address giaddr, byte[] chaddr, String sname, String file, DhcpOptions options) {
    public static final int BOOTREQUEST = 1;
    public static final int BOOTREPLY = 2;
    public static final int BROADCAST_FLAG = 0x8000;
    public static final Ipv4Address ZERO = new Ipv4Address(0);

    public DhcpPacket {
        if (op < 0 || op > 255 || htype < 0 || htype > 255 || hlen < 0 || hlen > 16 || hops < 0 || hops > 255
                || secs < 0 || secs > 0xffff || flags < 0 || flags > 0xffff || chaddr.length != 16) {
            throw new IllegalArgumentException("header field out of range");
        }
        if (sname.length() > 63 || file.length() > 127) {
            throw new IllegalArgumentException("sname is at most 63 and file at most 127 characters");
        }
        chaddr = chaddr.clone();
    }

    @Override
    public byte[] chaddr() {
        return chaddr.clone();
    }

    /** The client's Ethernet address; empty for other hardware types. */
    public Optional<MacAddress> mac() {
        if (htype != 1 || hlen != 6) {
            return Optional.empty();
        }
        return MacAddress.parse(HexFormat.ofDelimiter(":").formatHex(chaddr, 0, 6));
    }

    /** Option 53; empty for plain BOOTP. */
    public Optional<MessageType> messageType() {
        OptionalInt t = options.u8(DhcpOptions.MESSAGE_TYPE);
        return t.isPresent() ? MessageType.of(t.getAsInt()) : Optional.empty();
    }

    /** A reply to this request: same transaction, flags, client hardware address and relay, nothing else set. */
    public DhcpPacket reply() {
        return new DhcpPacket(BOOTREPLY, htype, hlen, 0, xid, 0, flags, ZERO, ZERO, ZERO, giaddr, chaddr, "", "", DhcpOptions.empty());
    }

    public DhcpPacket withAddresses(Ipv4Address ciaddr, Ipv4Address yiaddr, Ipv4Address siaddr) {
        return new DhcpPacket(op, htype, hlen, hops, xid, secs, flags, ciaddr, yiaddr, siaddr, giaddr, chaddr, sname, file, options);
    }

    public DhcpPacket withBoot(String sname, String file) {
        return new DhcpPacket(op, htype, hlen, hops, xid, secs, flags, ciaddr, yiaddr, siaddr, giaddr, chaddr, sname, file, options);
    }

    public DhcpPacket withOptions(DhcpOptions options) {
        return new DhcpPacket(op, htype, hlen, hops, xid, secs, flags, ciaddr, yiaddr, siaddr, giaddr, chaddr, sname, file, options);
    }

    /** The wire form; see {@link DhcpCodec#encode}. */
    public byte[] encode() {
        return DhcpCodec.encode(this);
    }

    public static DhcpPacket parse(byte[] datagram, int length) {
        return DhcpCodec.parse(datagram, length);
    }

    public enum MessageType {
        DISCOVER, OFFER, REQUEST, DECLINE, ACK, NAK, RELEASE, INFORM;

        public int code() {
            return ordinal() + 1;
        }

        static Optional<MessageType> of(int code) {
            return code >= 1 && code <= 8 ? Optional.of(values()[code - 1]) : Optional.empty();
        }
    }
}
