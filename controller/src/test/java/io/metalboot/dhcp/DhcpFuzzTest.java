package io.metalboot.dhcp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * 200,000 random and mutated datagrams: the parser either returns a packet that encodes and parses
 * again, or throws {@link BadPacketException}; nothing else (no index error, no endless loop).
 */
class DhcpFuzzTest {
    @Test
    void randomAndMutatedPacketsOnlyEverParseOrAreRejected() {
        Random random = new Random(21);
        List<byte[]> seeds = List.of(Requests.ipxe("00:00:00:00:00:01", 1).bytes(), Requests.ovmf("52:54:00:12:34:56", 3).bytes(),
                Requests.ipxe("00:00:00:00:00:02", 3).ciaddr(0x0a000001).bytes());
        int parsed = 0;
        int rejected = 0;
        for (int i = 0; i < 200_000; i++) {
            byte[] d = i % 4 == 0 ? randomBytes(random) : mutate(seeds.get(i % seeds.size()), random);
            try {
                DhcpPacket p = DhcpPacket.parse(d, d.length);
                byte[] again = p.encode();
                DhcpPacket.parse(again, again.length);
                parsed++;
            } catch (BadPacketException e) {
                rejected++;
            }
        }
        assertTrue(parsed > 10_000 && rejected > 10_000, "parsed " + parsed + ", rejected " + rejected);
    }

    private static byte[] randomBytes(Random r) {
        byte[] d = new byte[r.nextInt(700)];
        r.nextBytes(d);
        if (d.length >= 240 && r.nextBoolean()) {
            d[236] = 0x63;
            d[237] = (byte) 0x82;
            d[238] = 0x53;
            d[239] = 0x63;
        }
        return d;
    }

    private static byte[] mutate(byte[] seed, Random r) {
        byte[] d = r.nextInt(8) == 0 ? java.util.Arrays.copyOf(seed, r.nextInt(seed.length + 64)) : seed.clone();
        int flips = 1 + r.nextInt(6);
        for (int i = 0; i < flips && d.length > 0; i++) {
            int at = r.nextInt(10) < 7 && d.length > 240 ? 240 + r.nextInt(d.length - 240) : r.nextInt(d.length);
            d[at] = (byte) (r.nextInt(4) == 0 ? 255 : r.nextInt(256));
        }
        return d;
    }
}
