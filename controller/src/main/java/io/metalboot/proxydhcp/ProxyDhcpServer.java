package io.metalboot.proxydhcp;

import io.metalboot.dhcp.BadPacketException;
import io.metalboot.dhcp.DhcpPacket;
import io.metalboot.proxydhcp.ProxyResponder.Answer;
import io.metalboot.proxydhcp.ProxyResponder.Port;
import io.metalboot.router.Ipv4Address;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The proxyDHCP server: DHCP broadcasts on {@code 0.0.0.0:67}, unicasts on {@code SERVER:67} (the
 * socket offers leave from, so Linux sends their broadcast out of the server's interface), and the
 * boot server discovery on {@code 0.0.0.0:4011}. Each socket has one thread that reads, decides and
 * answers in place, with one fixed buffer: a flood costs CPU, never memory. A bad datagram is dropped
 * with a rate-limited log line; nothing a client sends stops a loop. All sockets set SO_REUSEADDR,
 * so a DHCP server on the same host that sets it too (dnsmasq does) keeps working beside it.
 */
public final class ProxyDhcpServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ProxyDhcpServer.class.getName());

    private final ProxyDhcpConfig config;
    private final ProxyResponder responder;
    private final Consumer<ProxyEvent> listener;
    private final BadPacketLog badPackets;
    private final List<DatagramChannel> channels = new ArrayList<>();
    private final AtomicLong answered = new AtomicLong();
    private int dhcpPort;
    private int pxePort;

    private ProxyDhcpServer(ProxyDhcpConfig config, Consumer<ProxyEvent> listener, Consumer<String> log) {
        this.config = config;
        this.listener = listener;
        this.responder = new ProxyResponder(config.server(), new BootFiles(config.bootScriptUrl()),
                mac -> config.answerUnknown() || config.machines().contains(mac));
        this.badPackets = new BadPacketLog(Clock.systemUTC(), Duration.ofSeconds(10), log);
    }

    /** Binds every socket (or fails saying why and what to do) and starts answering. */
    public static ProxyDhcpServer start(ProxyDhcpConfig config, Consumer<ProxyEvent> listener, Consumer<String> log) {
        ProxyDhcpServer s = new ProxyDhcpServer(config, listener, log);
        try {
            DatagramChannel any = s.bind(null, config.dhcpPort());
            s.dhcpPort = ((InetSocketAddress) any.getLocalAddress()).getPort();
            DatagramChannel out = s.bind(config.replyFrom(), s.dhcpPort);
            DatagramChannel pxe = s.bind(null, config.pxePort());
            s.pxePort = ((InetSocketAddress) pxe.getLocalAddress()).getPort();
            s.loop(any, Port.DHCP, out);
            s.loop(out, Port.DHCP, out);
            s.loop(pxe, Port.PXE, pxe);
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e instanceof ProxyDhcpException p ? p : new ProxyDhcpException("proxyDHCP: " + e.getMessage(), e);
        }
        return s;
    }

    private DatagramChannel bind(Ipv4Address address, int port) throws IOException {
        DatagramChannel ch = DatagramChannel.open(StandardProtocolFamily.INET);
        channels.add(ch);
        ch.setOption(StandardSocketOptions.SO_REUSEADDR, true);
        ch.setOption(StandardSocketOptions.SO_BROADCAST, true);
        InetSocketAddress at = address == null ? new InetSocketAddress(port)
                : new InetSocketAddress(InetAddress.getByName(address.toString()), port);
        try {
            ch.bind(at);
        } catch (IOException e) {
            throw new ProxyDhcpException(BindFailure.explain(at, e, config), e);
        }
        return ch;
    }

    private void loop(DatagramChannel in, Port port, DatagramChannel out) {
        Thread t = new Thread(() -> serve(in, port, out), "proxydhcp-" + port.name().toLowerCase());
        t.setDaemon(true);
        t.start();
    }

    private void serve(DatagramChannel in, Port port, DatagramChannel out) {
        ByteBuffer buf = ByteBuffer.allocate(1501); // one byte over the codec's limit: a longer datagram shows as oversized
        while (in.isOpen()) {
            SocketAddress from;
            try {
                buf.clear();
                from = in.receive(buf);
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                badPackets.dropped("receive failed: " + e.getClass().getSimpleName(), "?");
                continue;
            }
            try {
                handle(buf.array(), buf.position(), from, port, out);
            } catch (BadPacketException e) {
                badPackets.dropped(e.reason(), String.valueOf(from));
            } catch (IOException | RuntimeException e) {
                badPackets.dropped("answer failed: " + e.getClass().getSimpleName(), String.valueOf(from));
            }
        }
    }

    private void handle(byte[] data, int length, SocketAddress from, Port port, DatagramChannel out) throws IOException {
        DhcpPacket request = DhcpPacket.parse(data, length);
        Optional<Answer> answer = responder.answer(request, port);
        if (answer.isEmpty()) {
            return;
        }
        DhcpPacket reply = answer.get().reply();
        InetSocketAddress to;
        if (port == Port.PXE) {
            to = (InetSocketAddress) from; // the client has its address by now and asked from it
        } else if (request.ciaddr().bits() != 0) {
            to = new InetSocketAddress(InetAddress.getByName(request.ciaddr().toString()), config.clientPort());
        } else {
            to = new InetSocketAddress(InetAddress.getByName("255.255.255.255"), config.clientPort());
        }
        out.send(ByteBuffer.wrap(reply.encode()), to);
        answered.incrementAndGet();
        Optional<String> clientIp = request.ciaddr().bits() != 0 ? Optional.of(request.ciaddr().toString()) : Optional.empty();
        LOG.log(System.Logger.Level.INFO, "proxydhcp answered mac={0} arch={1} file={2} port={3}", answer.get().mac(),
                String.valueOf(answer.get().arch()), answer.get().file(), String.valueOf(port == Port.PXE ? pxePort : dhcpPort));
        listener.accept(new ProxyEvent(answer.get().mac(), clientIp, answer.get().arch(), answer.get().file(), port == Port.PXE));
    }

    /** The port DHCP broadcasts are read on (67 on a LAN; the bound one when 0 was asked). */
    public int dhcpPort() {
        return dhcpPort;
    }

    public int pxePort() {
        return pxePort;
    }

    public long answered() {
        return answered.get();
    }

    public long dropped() {
        return badPackets.total();
    }

    @Override
    public void close() {
        for (DatagramChannel ch : channels) {
            try {
                ch.close();
            } catch (IOException e) {
                // closing: nothing left to do with it
            }
        }
    }
}
