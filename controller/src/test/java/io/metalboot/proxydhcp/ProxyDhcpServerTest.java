package io.metalboot.proxydhcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.metalboot.dhcp.DhcpPacket;
import io.metalboot.dhcp.Requests;
import io.metalboot.router.Ipv4Address;
import io.metalboot.router.MacAddress;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The real sockets on loopback, free ports: answers on both ports, silence for strangers, bad packets change nothing. */
class ProxyDhcpServerTest {
    static final String KNOWN = "00:00:00:00:00:01";
    static final int LOOPBACK = 0x7f000001;

    @Test
    void answersOnBothPortsAndSurvivesBadPackets() throws Exception {
        List<String> log = new CopyOnWriteArrayList<>();
        List<ProxyEvent> events = new CopyOnWriteArrayList<>();
        Ipv4Address lo = Ipv4Address.parse("127.0.0.1");
        try (DatagramSocket client = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            client.setSoTimeout(5000);
            ProxyDhcpConfig config = new ProxyDhcpConfig(lo, lo, 0, 0, client.getLocalPort(), "http://127.0.0.1/boot.ipxe",
                    Set.of(MacAddress.parse(KNOWN).orElseThrow()), false);
            try (ProxyDhcpServer server = ProxyDhcpServer.start(config, events::add, log::add)) {
                InetSocketAddress dhcp = new InetSocketAddress("127.0.0.1", server.dhcpPort());
                InetSocketAddress pxe = new InetSocketAddress("127.0.0.1", server.pxePort());
                for (byte[] bad : List.of(new byte[10], Requests.ovmf(KNOWN, 1).cookie(1).bytes(), new byte[1501])) {
                    client.send(new DatagramPacket(bad, bad.length, dhcp));
                }
                client.send(packet(Requests.ovmf("00:00:00:00:00:99", 1).ciaddr(LOOPBACK).bytes(), dhcp)); // not in the inventory
                client.send(packet(Requests.ovmf(KNOWN, 1).ciaddr(LOOPBACK).bytes(), dhcp));
                DhcpPacket offer = receive(client);
                assertEquals(DhcpPacket.MessageType.OFFER, offer.messageType().orElseThrow());
                assertEquals("ipxe.efi", offer.file());
                client.send(packet(Requests.ipxe(KNOWN, 3).ciaddr(LOOPBACK).bytes(), pxe));
                DhcpPacket ack = receive(client);
                assertEquals(DhcpPacket.MessageType.ACK, ack.messageType().orElseThrow());
                assertEquals("http://127.0.0.1/boot.ipxe", ack.file());
                client.setSoTimeout(300);
                assertTrue(nothingMore(client), "the stranger got no answer");
                assertEquals(2, server.answered());
                assertEquals(3, server.dropped());
                assertEquals(1, log.size(), "one line for three bad packets within 10 s: " + log);
                assertTrue(log.get(0).startsWith("proxydhcp: dropped a bad packet from /127.0.0.1:"), log.get(0));
                assertEquals(List.of(false, true), events.stream().map(ProxyEvent::bootServerPort).sorted().toList());
            }
        }
    }

    @Test
    void saysWhatToDoWhenThePortIsPrivileged() {
        Ipv4Address lo = Ipv4Address.parse("127.0.0.1");
        String m = BindFailure.explain(new InetSocketAddress(67), new java.net.BindException("Permission denied"),
                ProxyDhcpConfig.lan(lo, "http://127.0.0.1/boot.ipxe", Set.of()));
        assertEquals("cannot listen for proxyDHCP on 0.0.0.0:67: permission denied; ports 67 and 4011 are privileged: run"
                + " 'metalboot serve --proxy-dhcp' as root (or with CAP_NET_BIND_SERVICE); for a test, pick unprivileged ports with"
                + " --proxy-dhcp-port 1067 --proxy-dhcp-pxe-port 4012", m);
    }

    private static DatagramPacket packet(byte[] b, InetSocketAddress to) {
        return new DatagramPacket(b, b.length, to);
    }

    private static DhcpPacket receive(DatagramSocket s) throws Exception {
        DatagramPacket p = new DatagramPacket(new byte[1500], 1500);
        s.receive(p);
        return DhcpPacket.parse(p.getData(), p.getLength());
    }

    private static boolean nothingMore(DatagramSocket s) throws Exception {
        try {
            receive(s);
            return false;
        } catch (SocketTimeoutException e) {
            return true;
        }
    }
}
