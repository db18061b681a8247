package io.metalboot.dhcp;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** Raw requests as the firmware in the virtual lab sends them (field by field, options in their order). */
public final class Requests {
    private final ByteArrayOutputStream options = new ByteArrayOutputStream();
    private final byte[] mac;
    private int op = 1;
    private int xid = 0x1234abcd;
    private int ciaddr;
    private int cookie = 0x63825363;

    private Requests(String mac) {
        this.mac = HexFormat.ofDelimiter(":").parseHex(mac);
    }

    public static Requests from(String mac) {
        return new Requests(mac);
    }

    /** SeaBIOS + Debian's iPXE ROM, or any iPXE: DHCPDISCOVER with iPXE's own options. */
    public static Requests ipxe(String mac, int type) {
        return from(mac).option(53, type).option(57, 0x05, 0xc0).option(93, 0, 0).option(94, 1, 2, 1)
                .text(60, "PXEClient:Arch:00000:UNDI:002001").text(77, "iPXE")
                .option(55, 1, 3, 6, 7, 12, 15, 17, 26, 43, 60, 66, 67, 119, 128, 129, 130, 131, 132, 133, 134, 135, 175, 203)
                .option(175, 0xb1, 0x05, 0x01, 0x1a, 0xf4, 0x10, 0x41, 0xeb, 0x03, 0x01, 0x00, 0x00, 0x17, 0x01, 0x01, 0x15, 0x01, 0x01)
                .option(61, 1, 0, 0, 0, 0, 0, 1).option(97, uuid());
    }

    /** OVMF's own PXE (x86-64 UEFI, architecture 7): DHCPDISCOVER, or DHCPREQUEST to port 4011. */
    public static Requests ovmf(String mac, int type) {
        return from(mac).option(53, type).option(57, 0x05, 0xc0)
                .option(55, 1, 2, 3, 4, 5, 6, 12, 13, 15, 17, 18, 22, 23, 28, 40, 41, 42, 43, 50, 51, 54, 58, 59, 60, 66, 67, 97, 128, 129, 130,
                        131, 132, 133, 134, 135)
                .option(97, uuid()).option(94, 1, 3, 0).option(93, 0, 7).text(60, "PXEClient:Arch:00007:UNDI:003000");
    }

    private static int[] uuid() {
        int[] u = new int[17];
        for (int i = 1; i < 17; i++) {
            u[i] = i * 11 & 0xff;
        }
        return u;
    }

    public Requests option(int code, int... value) {
        options.write(code);
        options.write(value.length);
        for (int v : value) {
            options.write(v);
        }
        return this;
    }

    public Requests text(int code, String value) {
        byte[] t = value.getBytes(StandardCharsets.US_ASCII);
        options.write(code);
        options.write(t.length);
        options.writeBytes(t);
        return this;
    }

    public Requests raw(int... bytes) {
        for (int b : bytes) {
            options.write(b);
        }
        return this;
    }

    public Requests op(int op) {
        this.op = op;
        return this;
    }

    public Requests ciaddr(int a) {
        this.ciaddr = a;
        return this;
    }

    public Requests cookie(int c) {
        this.cookie = c;
        return this;
    }

    /** The datagram, options ended by 255 unless {@code end} is false. */
    public byte[] bytes(boolean end) {
        byte[] opts = options.toByteArray();
        ByteBuffer b = ByteBuffer.allocate(240 + opts.length + (end ? 1 : 0));
        b.put((byte) op).put((byte) 1).put((byte) 6).put((byte) 0).putInt(xid).putShort((short) 4).putShort((short) 0x8000);
        b.putInt(ciaddr).putInt(0).putInt(0).putInt(0);
        b.put(mac).put(new byte[10]).put(new byte[64]).put(new byte[128]).putInt(cookie).put(opts);
        if (end) {
            b.put((byte) 255);
        }
        return b.array();
    }

    public byte[] bytes() {
        return bytes(true);
    }
}
