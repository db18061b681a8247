package io.metalboot.dhcp;

import io.metalboot.router.Ipv4Address;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The wire format: RFC 2131's 236-byte header, the magic cookie 99.130.83.99, then RFC 2132 options
 * (pad 0, end 255, code-length-value), with RFC 3396's split long options joined and option 52's
 * overloaded {@code file}/{@code sname} fields read as more options. Everything a datagram claims is
 * checked against its length; nothing is trusted.
 */
final class DhcpCodec {
    static final int HEADER = 236;
    static final int COOKIE = 0x63825363;
    /** Largest datagram accepted: an Ethernet MTU's worth; option 57 cannot make it larger here. */
    static final int MAX_DATAGRAM = 1500;
    /** BOOTP's minimum message (RFC 1542 section 2.1): some firmware drops shorter replies. */
    static final int MIN_REPLY = 300;
    /** Option 55 lists codes 1-254 at most once each; anything longer is padding or an attack. */
    static final int MAX_PARAMETER_LIST = 254;

    private DhcpCodec() {
    }

    static DhcpPacket parse(byte[] d, int length) {
        if (length < HEADER + 4) {
            throw new BadPacketException("truncated", length + " bytes, a DHCP message has at least " + (HEADER + 4));
        }
        if (length > MAX_DATAGRAM || length > d.length) {
            throw new BadPacketException("oversized", length + " bytes, at most " + MAX_DATAGRAM + " accepted");
        }
        ByteBuffer b = ByteBuffer.wrap(d, 0, length);
        int op = u8(b);
        int htype = u8(b);
        int hlen = u8(b);
        int hops = u8(b);
        if (op != DhcpPacket.BOOTREQUEST && op != DhcpPacket.BOOTREPLY) {
            throw new BadPacketException("bad op", "op " + op);
        }
        if (hlen > 16) {
            throw new BadPacketException("bad hlen", "hlen " + hlen + " exceeds chaddr's 16 bytes");
        }
        int xid = b.getInt();
        int secs = b.getShort() & 0xffff;
        int flags = b.getShort() & 0xffff;
        Ipv4Address ciaddr = new Ipv4Address(b.getInt());
        Ipv4Address yiaddr = new Ipv4Address(b.getInt());
        Ipv4Address siaddr = new Ipv4Address(b.getInt());
        Ipv4Address giaddr = new Ipv4Address(b.getInt());
        byte[] chaddr = new byte[16];
        b.get(chaddr);
        byte[] sname = new byte[64];
        b.get(sname);
        byte[] file = new byte[128];
        b.get(file);
        if (b.getInt() != COOKIE) {
            throw new BadPacketException("wrong magic cookie", "bytes 236-239 are not 99.130.83.99");
        }
        Map<Integer, ByteArrayOutputStream> joined = new LinkedHashMap<>();
        readOptions(d, HEADER + 4, length, joined);
        int overload = joined.containsKey(DhcpOptions.OVERLOAD) && joined.get(DhcpOptions.OVERLOAD).size() == 1
                ? joined.get(DhcpOptions.OVERLOAD).toByteArray()[0] & 0xff : 0;
        if (overload > 3) {
            throw new BadPacketException("bad overload", "option 52 value " + overload + " (1, 2 or 3 allowed)");
        }
        if ((overload & 1) != 0) {
            readOptions(file, 0, file.length, joined);
        }
        if ((overload & 2) != 0) {
            readOptions(sname, 0, sname.length, joined);
        }
        Map<Integer, byte[]> values = new LinkedHashMap<>();
        joined.forEach((k, v) -> values.put(k, v.toByteArray()));
        byte[] prl = values.get(DhcpOptions.PARAMETER_REQUEST_LIST);
        if (prl != null && prl.length > MAX_PARAMETER_LIST) {
            throw new BadPacketException("giant option 55", prl.length + " bytes of parameter request list, at most " + MAX_PARAMETER_LIST);
        }
        return new DhcpPacket(op, htype, hlen, hops, xid, secs, flags, ciaddr, yiaddr, siaddr, giaddr, chaddr,
                (overload & 2) != 0 ? "" : cString(sname), (overload & 1) != 0 ? "" : cString(file), DhcpOptions.of(values));
    }

    /** Reads options from {@code from} to the end option or {@code to}, appending each value to its code's parts. */
    private static void readOptions(byte[] d, int from, int to, Map<Integer, ByteArrayOutputStream> joined) {
        int i = from;
        while (i < to) {
            int code = d[i] & 0xff;
            if (code == 255) {
                return;
            }
            if (code == 0) {
                i++;
                continue;
            }
            if (i + 1 >= to) {
                throw new BadPacketException("option overrun", "option " + code + " at byte " + i + " has no length");
            }
            int len = d[i + 1] & 0xff;
            if (i + 2 + len > to) {
                throw new BadPacketException("option overrun", "option " + code + " at byte " + i + " claims " + len
                        + " bytes, " + (to - i - 2) + " left");
            }
            joined.computeIfAbsent(code, c -> new ByteArrayOutputStream()).write(d, i + 2, len);
            i += 2 + len;
        }
    }

    /** The header's text field up to its first NUL, as ASCII (other bytes become '?'). */
    private static String cString(byte[] field) {
        int n = 0;
        while (n < field.length && field[n] != 0) {
            n++;
        }
        String s = new String(field, 0, n, StandardCharsets.US_ASCII);
        return s.length() > field.length - 1 ? s.substring(0, field.length - 1) : s;
    }

    private static int u8(ByteBuffer b) {
        return b.get() & 0xff;
    }

    static byte[] encode(DhcpPacket p) {
        int size = Math.max(MIN_REPLY, HEADER + 4 + p.options().encodedSize() + 1);
        ByteBuffer b = ByteBuffer.allocate(size);
        b.put((byte) p.op()).put((byte) p.htype()).put((byte) p.hlen()).put((byte) p.hops());
        b.putInt(p.xid()).putShort((short) p.secs()).putShort((short) p.flags());
        b.putInt(p.ciaddr().bits()).putInt(p.yiaddr().bits()).putInt(p.siaddr().bits()).putInt(p.giaddr().bits());
        b.put(p.chaddr());
        b.put(field(p.sname(), 64));
        b.put(field(p.file(), 128));
        b.putInt(COOKIE);
        for (int code : p.options().codes()) {
            byte[] v = p.options().get(code).orElseThrow();
            int at = 0;
            do { // RFC 3396: a value over 255 bytes goes out as consecutive instances
                int n = Math.min(255, v.length - at);
                b.put((byte) code).put((byte) n).put(v, at, n);
                at += n;
            } while (at < v.length);
        }
        b.put((byte) 255);
        return b.array(); // the rest is pad (zeros)
    }

    private static byte[] field(String text, int size) {
        byte[] out = new byte[size];
        byte[] t = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(t, 0, out, 0, Math.min(t.length, size - 1));
        return out;
    }
}
