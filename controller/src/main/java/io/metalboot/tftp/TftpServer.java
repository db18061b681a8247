package io.metalboot.tftp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.commons.net.tftp.TFTP;
import org.apache.commons.net.tftp.TFTPPacket;
import org.apache.commons.net.tftp.TFTPPacketException;
import org.apache.commons.net.tftp.TFTPReadRequestPacket;
import org.apache.commons.net.tftp.TFTPWriteRequestPacket;

/**
 * A read-only TFTP server for iPXE chainloading: requests are parsed with Commons Net's packet
 * classes; each read runs on its own socket in a virtual thread (no thread per idle socket), up to
 * {@code maxTransfers} at once. Write requests are refused.
 */
public final class TftpServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(TftpServer.class.getName());
    private final TftpConfig config;
    private final TftpRoot root;
    private final DatagramSocket socket;
    private final Semaphore slots;
    private final TransferListener listener;
    private final AtomicBoolean warnedFull = new AtomicBoolean();
    private final Thread loop;

    private TftpServer(TftpConfig config, TransferListener listener) throws IOException {
        this.config = config;
        this.root = new TftpRoot(config.root());
        this.socket = new DatagramSocket(new InetSocketAddress(config.host(), config.port()));
        this.slots = new Semaphore(config.maxTransfers());
        this.listener = listener;
        this.loop = Thread.ofVirtual().name("tftp-" + socket.getLocalPort()).start(this::serve);
    }

    /** Binds and serves {@code config.root()}; throws with the address when the port cannot be bound. */
    public static TftpServer start(TftpConfig config, TransferListener listener) {
        try {
            TftpServer server = new TftpServer(config, listener);
            LOG.log(Level.INFO, "tftp={0}:{1} root={2}", config.host(), server.port(), config.root());
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve TFTP on " + config.host() + ":" + config.port() + " from " + config.root()
                    + ": " + e.getMessage() + (config.port() < 1024 ? " (ports under 1024 need root)" : ""), e);
        }
    }

    public int port() {
        return socket.getLocalPort();
    }

    private void serve() {
        byte[] buffer = new byte[65536];
        while (!socket.isClosed()) {
            DatagramPacket p = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(p);
            } catch (IOException e) {
                return;
            }
            InetSocketAddress client = new InetSocketAddress(p.getAddress(), p.getPort());
            TFTPPacket packet;
            try {
                packet = TFTPPacket.newTFTPPacket(p);
            } catch (TFTPPacketException e) {
                reply(client, Packets.error(Packets.ERR_ILLEGAL, "Illegal TFTP operation"));
                continue;
            }
            if (packet instanceof TFTPWriteRequestPacket) {
                reply(client, Packets.error(Packets.ERR_ACCESS, "Access violation: this server is read-only"));
            } else if (packet instanceof TFTPReadRequestPacket rrq) {
                if (!slots.tryAcquire()) {
                    if (warnedFull.compareAndSet(false, true)) {
                        LOG.log(Level.WARNING, "tftp={0} {1} transfers running, the limit: refusing more until one ends"
                                + " (raise it if many machines boot at once)", port(), config.maxTransfers());
                    }
                    reply(client, Packets.error(Packets.ERR_UNDEFINED, "Server busy, try again"));
                    continue;
                }
                warnedFull.set(false);
                Thread.ofVirtual().name("tftp-" + client).start(() -> {
                    try {
                        read(client, rrq);
                    } finally {
                        slots.release();
                    }
                });
            } else {
                reply(client, Packets.error(Packets.ERR_ILLEGAL, "Illegal TFTP operation"));
            }
        }
    }

    private void read(InetSocketAddress client, TFTPReadRequestPacket rrq) {
        String name = rrq.getFilename();
        try (DatagramSocket tid = new DatagramSocket(new InetSocketAddress(socket.getLocalAddress(), 0))) {
            TftpRoot.Lookup lookup = root.resolve(name);
            if (lookup instanceof TftpRoot.Refused refused) {
                byte[] e = Packets.error(refused.code(), refused.message());
                tid.send(new DatagramPacket(e, e.length, client));
                listener.transferred(client, name, 0, refused.message());
                return;
            }
            var file = ((TftpRoot.Found) lookup).file();
            boolean netascii = rrq.getMode() == TFTP.NETASCII_MODE;
            long size = netascii ? Transfer.netascii(java.nio.file.Files.readAllBytes(file)).length : java.nio.file.Files.size(file);
            Options options = Options.negotiate(rrq.getOptions(), size, (int) Math.max(1, config.timeout().toSeconds()));
            Transfer t = new Transfer(tid, client, file, netascii, options, config.retries());
            String outcome = t.run();
            LOG.log(Level.DEBUG, "tftp client={0} file={1} bytes={2} {3}", client, name, t.bytesSent(), outcome);
            listener.transferred(client, name, t.bytesSent(), outcome);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "tftp client={0} file={1} failed: {2}", client, name, e.getMessage());
            listener.transferred(client, name, 0, "failed: " + e.getMessage());
        }
    }

    private void reply(InetSocketAddress client, byte[] packet) {
        try {
            socket.send(new DatagramPacket(packet, packet.length, client));
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "tftp cannot answer {0}: {1}", client, e.getMessage());
        }
    }

    @Override
    public void close() {
        socket.close();
        loop.interrupt();
    }
}
