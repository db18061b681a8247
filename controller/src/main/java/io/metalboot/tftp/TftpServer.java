package io.metalboot.tftp;

import io.metalboot.tftp.TransferEvent.Outcome;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.BindException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.commons.net.tftp.TFTPErrorPacket;
import org.apache.commons.net.tftp.TFTPPacket;
import org.apache.commons.net.tftp.TFTPPacketException;
import org.apache.commons.net.tftp.TFTPReadRequestPacket;
import org.apache.commons.net.tftp.TFTPWriteRequestPacket;

/**
 * A read-only TFTP server (RFC 1350 with the 2347/2348/2349/7440 options) for the iPXE binaries in
 * {@code DATA/tftpboot}. One virtual thread reads requests; each read request gets its own socket and
 * platform thread, up to {@link TftpConfig#maxTransfers()} at once: a transfer waits for an ACK after
 * every window, and a platform thread blocked in receive wakes straight from the kernel, where a virtual
 * thread goes through the JDK's poller and scheduler, which doubled the time per block in lock-step
 * (windowsize 1) transfers (bench/tftp).
 *
 * <pre>{@code
 * try (TftpServer tftp = TftpServer.start(TftpConfig.of(listen, dataDir.resolve("tftpboot")), listener)) { … }
 * }</pre>
 */
public final class TftpServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(TftpServer.class.getPackageName());

    private final TftpConfig config;
    private final TransferListener listener;
    private final DatagramSocket socket;
    private final TftpRoot root;
    private final Semaphore slots;
    /** Slots a client whose address is not in {@link #known} may take: the rest stay free for known machines. */
    private final Semaphore unknownSlots;
    private final Set<java.net.InetAddress> known;
    private final Set<InetSocketAddress> active = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean limitLogged = new AtomicBoolean();
    private final Thread receiver;

    private TftpServer(TftpConfig config, TransferListener listener, DatagramSocket socket, Set<java.net.InetAddress> known) {
        this.config = config;
        this.listener = listener;
        this.socket = socket;
        this.root = new TftpRoot(config.root());
        this.slots = new Semaphore(config.maxTransfers());
        this.known = Set.copyOf(known);
        this.unknownSlots = new Semaphore(known.isEmpty() ? config.maxTransfers() : config.maxTransfers() - reserved(config.maxTransfers()));
        this.receiver = Thread.ofVirtual().name("tftp-" + port()).start(this::receive);
    }

    /** Binds the request socket and starts answering; throws {@link TftpException} when the port cannot be bound. */
    public static TftpServer start(TftpConfig config, TransferListener listener) {
        return start(config, listener, Set.of());
    }

    /** Slots kept for known addresses: a fifth, at least one. */
    static int reserved(int maxTransfers) {
        return Math.max(1, maxTransfers / 5);
    }

    /**
     * As {@link #start(TftpConfig, TransferListener)}, keeping {@link #reserved} slots for the {@code known} addresses
     * (the inventory's machines), so that clients that never acknowledge, or spoofed requests, cannot take every slot
     * from a machine that is booting.
     */
    public static TftpServer start(TftpConfig config, TransferListener listener, Set<java.net.InetAddress> known) {
        DatagramSocket socket;
        try {
            socket = new DatagramSocket(config.listen());
        } catch (BindException e) {
            String why = config.listen().getPort() < 1024
                    ? "ports below 1024 need root or CAP_NET_BIND_SERVICE, and the port may be in use"
                    : "the port is in use (another TFTP server?) or the address is not on this machine";
            throw new TftpException("cannot listen for TFTP on " + Transfer.address(config.listen()) + ": " + why
                    + "; pick another --listen HOST:PORT", e);
        } catch (SocketException e) {
            throw new TftpException("cannot listen for TFTP on " + Transfer.address(config.listen()) + ": "
                    + e.getMessage(), e);
        }
        TftpServer server = new TftpServer(config, listener, socket, known);
        LOG.log(Level.INFO, "tftp listening on " + Transfer.address(server.address()) + " root=" + config.root()
                + " max-transfers=" + config.maxTransfers());
        return server;
    }

    /** The bound address; its port is the real one when the config asked for port 0. */
    public InetSocketAddress address() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** Stops taking requests; transfers already running finish on their own. */
    @Override
    public void close() {
        socket.close();
        try {
            receiver.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void receive() {
        byte[] buffer = new byte[65536];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        while (!socket.isClosed()) {
            try {
                packet.setData(buffer);
                socket.receive(packet);
                handle(packet);
            } catch (IOException e) {
                if (!socket.isClosed()) {
                    LOG.log(Level.WARNING, "tftp receive failed on " + Transfer.address(address()) + ": " + e);
                }
            } catch (RuntimeException e) {
                // a packet the parser chokes on (commons-net throws unchecked exceptions on some malformed requests)
                // must cost that packet only, never the receive loop
                LOG.log(Level.WARNING, "tftp dropped a malformed packet from " + packet.getSocketAddress() + ": " + e);
            }
        }
    }

    private void handle(DatagramPacket packet) throws IOException {
        InetSocketAddress client = (InetSocketAddress) packet.getSocketAddress();
        TFTPPacket request;
        try {
            request = TFTPPacket.newTFTPPacket(packet);
        } catch (TFTPPacketException e) {
            reply(client, TFTPErrorPacket.ILLEGAL_OPERATION, "malformed request: " + e.getMessage());
            return;
        }
        if (request instanceof TFTPWriteRequestPacket write) {
            String message = "this server is read-only; write requests are refused";
            reply(client, TFTPErrorPacket.ACCESS_VIOLATION, message);
            LOG.log(Level.INFO, "tftp refused client=" + Transfer.address(client) + " file=" + write.getFilename()
                    + " code=2 reason=\"" + message + "\"");
            notify(new TransferEvent(client, write.getFilename(), 0, Outcome.REFUSED, message));
        } else if (request instanceof TFTPReadRequestPacket read) {
            begin(client, read);
        }
        // DATA, ACK and ERROR belong to a transfer's own port: on this one they are stray and ignored.
    }

    private void begin(InetSocketAddress client, TFTPReadRequestPacket request) throws IOException {
        if (!active.add(client)) {
            return; // the client sent its request again while the transfer is under way
        }
        boolean stranger = !known.isEmpty() && !known.contains(client.getAddress());
        if (stranger && !unknownSlots.tryAcquire()) {
            active.remove(client);
            if (limitLogged.compareAndSet(false, true)) {
                LOG.log(Level.WARNING, "tftp limit for unknown clients reached: " + (config.maxTransfers() - reserved(config.maxTransfers()))
                        + " transfers running; new requests from addresses outside the inventory are dropped until one ends");
            }
            return;
        }
        if (!slots.tryAcquire()) {
            if (stranger) {
                unknownSlots.release();
            }
            active.remove(client);
            if (limitLogged.compareAndSet(false, true)) {
                LOG.log(Level.WARNING, "tftp limit reached: " + config.maxTransfers() + " transfers running;"
                        + " new requests are dropped until one ends (clients retry); raise the transfer limit if"
                        + " this happens during normal boots");
            }
            return;
        }
        DatagramSocket transferSocket;
        try {
            transferSocket = new DatagramSocket(new InetSocketAddress(config.listen().getAddress(), 0));
        } catch (SocketException e) {
            release(client, stranger);
            throw e;
        }
        Thread.ofPlatform().daemon(true).name("tftp-" + Transfer.address(client)).start(() -> {
            TransferEvent event;
            try {
                event = new Transfer(transferSocket, client, request, config).run(root);
            } finally {
                release(client, stranger); // before the listener hears of it: an ended transfer holds no slot
            }
            notify(event);
        });
    }

    private void release(InetSocketAddress client, boolean stranger) {
        active.remove(client);
        slots.release();
        if (stranger) {
            unknownSlots.release();
        }
        if (slots.availablePermits() > 0) {
            limitLogged.set(false);
        }
    }

    private void reply(InetSocketAddress client, int code, String message) throws IOException {
        socket.send(Packets.error(code, message, client));
    }

    private void notify(TransferEvent event) {
        try {
            listener.transferEnded(event);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "tftp transfer listener failed for client=" + Transfer.address(event.client())
                    + " file=" + event.file() + ": " + e);
        }
    }
}
