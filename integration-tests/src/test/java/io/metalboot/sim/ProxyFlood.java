package io.metalboot.sim;

import io.metalboot.cli.Cli;
import io.metalboot.dhcp.DhcpOptions;
import io.metalboot.dhcp.DhcpPacket;
import io.metalboot.router.Ipv4Address;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.HexFormat;
import java.util.Random;

/**
 * Cli inside a lab namespace: {@code flood SECONDS RATE MAC} sends RATE bad, random and stranger
 * packets a second to the LAN's port 67 and a legitimate DISCOVER from MAC every 100 ms, counting the
 * offers that come back; {@code rate COUNT MAC} sends COUNT legitimate DISCOVERs as fast as answers
 * come and prints answers per second. Prints one {@code key=value} line.
 */
public final class ProxyFlood {
    public static void main(String[] args) throws Exception {
        InetSocketAddress server = new InetSocketAddress(InetAddress.getByName("192.168.1.255"), 67); // no default route in the namespace: the LAN's broadcast
        try (DatagramSocket client = new DatagramSocket(null); DatagramSocket flood = new DatagramSocket()) {
            client.setReuseAddress(true);
            client.setBroadcast(true);
            client.bind(new InetSocketAddress(68));
            flood.setBroadcast(true);
            if (args[0].equals("rate")) {
                rate(client, server, Integer.parseInt(args[1]), args[2]);
            } else {
                flood(client, flood, server, Integer.parseInt(args[1]), Integer.parseInt(args[2]), args[3]);
            }
        }
    }

    private static void flood(DatagramSocket client, DatagramSocket flood, InetSocketAddress server, int seconds, int rate, String mac)
            throws Exception {
        Random random = new Random(21);
        byte[] good = discover(mac, 1);
        byte[] stranger = discover("02:00:00:00:00:99", 1); // mutated copies must not count as the legitimate client's answers
        client.setSoTimeout(1);
        long start = System.nanoTime();
        long sent = 0;
        int asked = 0;
        int answered = 0;
        byte[] in = new byte[1500];
        while (System.nanoTime() - start < seconds * 1_000_000_000L) {
            long due = (System.nanoTime() - start) * rate / 1_000_000_000L;
            for (; sent < due; sent++) {
                byte[] bad = switch ((int) (sent % 4)) {
                    case 0 -> randomBytes(random, 1 + random.nextInt(700));
                    case 1 -> mutate(stranger, random);
                    case 2 -> discover(String.format("02:00:00:%02x:%02x:%02x", random.nextInt(256), random.nextInt(256), random.nextInt(256)), 1);
                    default -> java.util.Arrays.copyOf(stranger, 100 + random.nextInt(140));
                };
                flood.send(new DatagramPacket(bad, bad.length, server));
            }
            if ((System.nanoTime() - start) / 100_000_000L >= asked) {
                asked++;
                client.send(new DatagramPacket(discover(mac, asked), good.length, server));
            }
            try {
                DatagramPacket p = new DatagramPacket(in, in.length);
                client.receive(p);
                DhcpPacket reply = DhcpPacket.parse(p.getData(), p.getLength());
                if (reply.op() == DhcpPacket.BOOTREPLY && reply.mac().map(m -> m.toString().equals(mac)).orElse(false)) {
                    answered++;
                }
            } catch (SocketTimeoutException e) {
                // nothing this millisecond
            }
        }
        System.out.println("flood sent=" + sent + " asked=" + asked + " answered=" + answered);
    }

    private static void rate(DatagramSocket client, InetSocketAddress server, int count, String mac) throws Exception {
        client.setSoTimeout(1000);
        byte[] in = new byte[1500];
        int answered = 0;
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            byte[] d = discover(mac, i + 1);
            client.send(new DatagramPacket(d, d.length, server));
            try {
                client.receive(new DatagramPacket(in, in.length));
                answered++;
            } catch (SocketTimeoutException e) {
                // lost: counted as unanswered
            }
        }
        double s = (System.nanoTime() - start) / 1e9;
        System.out.printf("rate asked=%d answered=%d per_second=%.0f%n", count, answered, answered / s);
    }

    static byte[] discover(String mac, int xid) {
        byte[] chaddr = new byte[16];
        System.arraycopy(HexFormat.ofDelimiter(":").parseHex(mac), 0, chaddr, 0, 6);
        DhcpOptions o = DhcpOptions.empty().with(DhcpOptions.MESSAGE_TYPE, new byte[] {1}).with(DhcpOptions.CLIENT_ARCH, new byte[] {0, 7})
                .with(DhcpOptions.VENDOR_CLASS, "PXEClient:Arch:00007:UNDI:003000");
        Ipv4Address zero = DhcpPacket.ZERO;
        return new DhcpPacket(1, 1, 6, 0, xid, 0, DhcpPacket.BROADCAST_FLAG, zero, zero, zero, zero, chaddr, "", "", o).encode();
    }

    private static byte[] randomBytes(Random r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return b;
    }

    private static byte[] mutate(byte[] good, Random r) {
        byte[] d = good.clone();
        for (int i = 0; i < 4; i++) {
            d[240 + r.nextInt(d.length - 240)] = (byte) r.nextInt(256);
        }
        return d;
    }
}
