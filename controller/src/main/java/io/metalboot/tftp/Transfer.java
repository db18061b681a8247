package io.metalboot.tftp;

import io.metalboot.tftp.TransferEvent.Outcome;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.Locale;
import org.apache.commons.net.tftp.TFTP;
import org.apache.commons.net.tftp.TFTPAckPacket;
import org.apache.commons.net.tftp.TFTPErrorPacket;
import org.apache.commons.net.tftp.TFTPPacket;
import org.apache.commons.net.tftp.TFTPPacketException;
import org.apache.commons.net.tftp.TFTPRequestPacket;

/**
 * One read request, served from its own socket (a new TID, RFC 1350) on its own thread: the
 * OACK if options were negotiated, then windows of DATA blocks (RFC 7440), each window sent again
 * after a timeout without progress, at most {@code retries} times. Acknowledgements that do not move
 * the window forward are ignored, so a duplicated ACK never doubles the traffic (Sorcerer's Apprentice).
 * Packets from any other address or port get error 5 and change nothing.
 */
final class Transfer {
    private static final System.Logger LOG = System.getLogger(Transfer.class.getPackageName());
    private static final int TIMED_OUT = -1;
    /** The longest a transfer waits for one window's acknowledgement, whatever its timeout and retries: then its slot is free. */
    static final long MAX_STALL_NANOS = 15_000_000_000L;
    /** The longest a transfer may hold its slot in all: a client acknowledging just often enough cannot keep it forever. */
    static final long MAX_TOTAL_NANOS = 600_000_000_000L;

    private final DatagramSocket socket;
    private final InetSocketAddress client;
    private final TFTPRequestPacket request;
    private final TftpConfig config;
    private final byte[] incoming = new byte[1024];
    private final long started = System.nanoTime();
    private long acked;

    Transfer(DatagramSocket socket, InetSocketAddress client, TFTPRequestPacket request, TftpConfig config) {
        this.socket = socket;
        this.client = client;
        this.request = request;
        this.config = config;
    }

    TransferEvent run(TftpRoot root) {
        try (socket) {
            return serve(root);
        }
    }

    private TransferEvent serve(TftpRoot root) {
        String file = request.getFilename();
        long started = System.nanoTime();
        String context = "client=" + address(client) + " file=" + file;
        try (Source source = root.open(file, request.getMode() == TFTP.NETASCII_MODE)) {
            Negotiation options = Negotiation.of(request.getOptions(), source.size(), config.timeout());
            TransferEvent event;
            try {
                event = send(source, options);
            } catch (ClientError e) {
                event = new TransferEvent(client, file, Math.min(source.size(), acked * options.blksize()),
                        Outcome.ABORTED_BY_CLIENT, e.getMessage());
            }
            event = event.negotiated(options.blksize(), options.windowsize());
            String line = "tftp " + event.outcome().name().toLowerCase(Locale.ROOT) + " " + context + " bytes="
                    + event.bytes() + " blksize=" + options.blksize() + " windowsize=" + options.windowsize() + " ms="
                    + (System.nanoTime() - started) / 1_000_000
                    + (event.detail().isEmpty() ? "" : " reason=\"" + event.detail() + "\"");
            LOG.log(event.outcome() == Outcome.SENT ? Level.INFO : Level.WARNING, line);
            return event;
        } catch (Refused r) {
            LOG.log(Level.INFO, "tftp refused " + context + " code=" + r.code() + " reason=\"" + r.getMessage() + "\"");
            sendQuietly(Packets.error(r.code(), r.getMessage(), client));
            return new TransferEvent(client, file, 0, Outcome.REFUSED, r.getMessage());
        } catch (IOException e) {
            LOG.log(Level.WARNING, "tftp failed " + context + " reason=\"" + e + "\"");
            sendQuietly(Packets.error(TFTPErrorPacket.UNDEFINED, "server error while sending " + file, client));
            return new TransferEvent(client, file, 0, Outcome.FAILED, e.toString());
        }
    }

    private TransferEvent send(Source source, Negotiation options) throws IOException {
        String file = request.getFilename();
        int blksize = options.blksize();
        long size = source.size();
        long blocks = size / blksize + 1;
        int timeoutMillis = (int) options.timeout().toMillis();
        if (!options.oack().isEmpty()) {
            DatagramPacket oack = Packets.oack(options.oack(), client);
            if (!exchange(() -> socket.send(oack), 0, 0, timeoutMillis)) {
                return end(Outcome.TIMED_OUT, "no acknowledgement of the options", 0);
            }
        }
        byte[] buffer = new byte[Packets.DATA_HEADER + blksize];
        DatagramPacket data = new DatagramPacket(buffer, buffer.length, client);
        while (acked < blocks) {
            long first = acked + 1;
            long last = Math.min(acked + options.windowsize(), blocks);
            Window window = () -> {
                for (long block = first; block <= last; block++) {
                    Packets.dataHeader(buffer, (int) block);
                    int length = source.read((block - 1) * blksize, buffer, Packets.DATA_HEADER, blksize);
                    data.setData(buffer, 0, Packets.DATA_HEADER + length);
                    socket.send(data);
                }
            };
            if (!exchange(window, first, last, timeoutMillis)) {
                return end(Outcome.TIMED_OUT, System.nanoTime() - started > MAX_TOTAL_NANOS ? "the transfer took longer than "
                        + MAX_TOTAL_NANOS / 1_000_000_000L + " s" : "no acknowledgement after " + config.retries() + " retries",
                        Math.min(size, acked * blksize));
            }
        }
        return new TransferEvent(client, file, size, Outcome.SENT, "");
    }

    /**
     * Sends {@code window} (blocks {@code first..last}, or the OACK when both are 0) and waits until an
     * ACK moves {@link #acked} into that range, sending again on each timeout; false when retries ran out.
     */
    private boolean exchange(Window window, long first, long last, int timeoutMillis) throws IOException {
        long giveUp = Math.min(System.nanoTime() + MAX_STALL_NANOS, started + MAX_TOTAL_NANOS);
        for (int attempt = 0; attempt <= config.retries() && System.nanoTime() - giveUp < 0; attempt++) {
            window.send();
            long deadline = Math.min(System.nanoTime() + timeoutMillis * 1_000_000L, giveUp);
            while (true) {
                int ack = awaitAck(deadline);
                if (ack == TIMED_OUT) {
                    break;
                }
                long block = acked + ((ack - acked) & 0xFFFF);
                if (block >= first && block <= last) {
                    acked = block;
                    return true;
                }
            }
        }
        return false;
    }

    /** The next ACK's 16-bit block number from the client, or {@link #TIMED_OUT} at the deadline. */
    private int awaitAck(long deadline) throws IOException {
        DatagramPacket packet = new DatagramPacket(incoming, incoming.length);
        while (true) {
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                return TIMED_OUT;
            }
            socket.setSoTimeout((int) left);
            try {
                socket.receive(packet);
            } catch (SocketTimeoutException e) {
                return TIMED_OUT;
            }
            InetSocketAddress from = (InetSocketAddress) packet.getSocketAddress();
            if (!from.equals(client)) {
                sendQuietly(Packets.error(TFTPErrorPacket.UNKNOWN_TID, "unknown transfer ID", from));
                LOG.log(Level.DEBUG, () -> "tftp foreign packet client=" + address(client) + " from=" + address(from));
                continue;
            }
            TFTPPacket parsed;
            try {
                parsed = TFTPPacket.newTFTPPacket(packet);
            } catch (TFTPPacketException e) {
                continue;
            }
            if (parsed instanceof TFTPAckPacket ack) {
                return ack.getBlockNumber();
            }
            if (parsed instanceof TFTPErrorPacket error) {
                throw new ClientError(error);
            }
        }
    }

    private TransferEvent end(Outcome outcome, String detail, long bytes) {
        if (outcome == Outcome.TIMED_OUT) {
            sendQuietly(Packets.error(TFTPErrorPacket.UNDEFINED, "timed out waiting for acknowledgement", client));
        }
        return new TransferEvent(client, request.getFilename(), bytes, outcome, detail);
    }

    private void sendQuietly(DatagramPacket packet) {
        try {
            socket.send(packet);
        } catch (IOException e) {
            LOG.log(Level.DEBUG, () -> "tftp could not send to " + packet.getSocketAddress() + ": " + e);
        }
    }

    static String address(InetSocketAddress address) {
        return address.getAddress().getHostAddress() + ":" + address.getPort();
    }

    /** The packets one attempt sends. */
    @FunctionalInterface
    private interface Window {
        void send() throws IOException;
    }

    /** The client sent an ERROR packet: it gave up or refused the options. */
    static final class ClientError extends IOException {
        private static final long serialVersionUID = 1L;

        ClientError(TFTPErrorPacket error) {
            super("client sent error " + error.getError() + ": " + error.getMessage());
        }
    }
}
