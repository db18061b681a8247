package io.metalboot.tftp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.commons.net.tftp.TFTPAckPacket;
import org.apache.commons.net.tftp.TFTPErrorPacket;
import org.apache.commons.net.tftp.TFTPPacket;
import org.apache.commons.net.tftp.TFTPPacketException;

/**
 * One read transfer on its own socket (its TID): OACK when options were negotiated, then DATA in
 * windows of {@code windowsize} blocks (RFC 7440; 1 is plain RFC 1350 lock-step). An ACK moves the
 * window to the block after it; an ACK for a block already acknowledged is ignored, so duplicates
 * never double the traffic (no Sorcerer's Apprentice). A timeout resends the window, at most
 * {@code retries} times in a row. Packets from another address or port get error 5 and change
 * nothing. Block numbers roll over from 65535 to 0.
 */
final class Transfer {
    private final DatagramSocket socket;
    private final InetSocketAddress client;
    private final Options options;
    private final int retries;
    private final byte[] ascii;
    private final FileChannel channel;
    private final long size;
    private long sent;

    Transfer(DatagramSocket socket, InetSocketAddress client, Path file, boolean netascii, Options options, int retries) throws IOException {
        this.socket = socket;
        this.client = client;
        this.options = options;
        this.retries = retries;
        this.ascii = netascii ? netascii(Files.readAllBytes(file)) : null;
        this.channel = netascii ? null : FileChannel.open(file, StandardOpenOption.READ);
        this.size = netascii ? ascii.length : channel.size();
    }

    /** Runs to the end; the outcome for the listener. */
    String run() throws IOException {
        try {
            if (!options.acknowledged().isEmpty()) {
                byte[] oack = Packets.oack(options.acknowledged());
                String r = await(0, () -> send(oack));
                if (!r.isEmpty()) {
                    return r;
                }
            }
            long blocks = size / options.blockSize() + 1;
            long acked = 0;
            while (acked < blocks) {
                long from = acked + 1;
                long to = Math.min(acked + options.windowSize(), blocks);
                String r = awaitWindow(from, to);
                if (r.startsWith("acked ")) {
                    acked = Long.parseLong(r.substring(6));
                } else {
                    return r;
                }
            }
            return "sent";
        } finally {
            if (channel != null) {
                channel.close();
            }
        }
    }

    long bytesSent() {
        return sent;
    }

    private String awaitWindow(long from, long to) throws IOException {
        int attempt = 0;
        sendWindow(from, to);
        long deadline = System.nanoTime() + options.timeoutSeconds() * 1_000_000_000L;
        byte[] buffer = new byte[1024];
        while (true) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                if (++attempt > retries) {
                    send(Packets.error(Packets.ERR_UNDEFINED, "timed out waiting for ACK"));
                    return "timed out";
                }
                sendWindow(from, to);
                deadline = System.nanoTime() + options.timeoutSeconds() * 1_000_000_000L;
                continue;
            }
            socket.setSoTimeout((int) Math.max(1, left));
            DatagramPacket p = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(p);
            } catch (SocketTimeoutException e) {
                continue;
            }
            if (!foreign(p)) {
                TFTPPacket packet = parse(p);
                if (packet instanceof TFTPErrorPacket err) {
                    return "client error " + err.getError() + ": " + err.getMessage();
                }
                if (packet instanceof TFTPAckPacket ack) {
                    for (long b = to; b >= from; b--) {
                        if ((b & 0xffff) == ack.getBlockNumber()) {
                            return "acked " + b;
                        }
                    }
                }
            }
        }
    }

    /** Waits for the ACK of block {@code block} after {@code sendIt}, resending on timeout; "" when it came. */
    private String await(int block, IoRunnable sendIt) throws IOException {
        for (int attempt = 0; attempt <= retries; attempt++) {
            sendIt.run();
            long deadline = System.nanoTime() + options.timeoutSeconds() * 1_000_000_000L;
            byte[] buffer = new byte[1024];
            while (System.nanoTime() < deadline) {
                socket.setSoTimeout((int) Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                DatagramPacket p = new DatagramPacket(buffer, buffer.length);
                try {
                    socket.receive(p);
                } catch (SocketTimeoutException e) {
                    break;
                }
                if (foreign(p)) {
                    continue;
                }
                TFTPPacket packet = parse(p);
                if (packet instanceof TFTPErrorPacket err) {
                    return "client error " + err.getError() + ": " + err.getMessage();
                }
                if (packet instanceof TFTPAckPacket ack && ack.getBlockNumber() == block) {
                    return "";
                }
            }
        }
        return "timed out";
    }

    private interface IoRunnable {
        void run() throws IOException;
    }

    /** A packet from another TID: error 5 to it, nothing else changes. */
    private boolean foreign(DatagramPacket p) throws IOException {
        if (p.getAddress().equals(client.getAddress()) && p.getPort() == client.getPort()) {
            return false;
        }
        byte[] e = Packets.error(Packets.ERR_UNKNOWN_TID, "Unknown transfer ID");
        socket.send(new DatagramPacket(e, e.length, p.getAddress(), p.getPort()));
        return true;
    }

    private static TFTPPacket parse(DatagramPacket p) {
        try {
            return TFTPPacket.newTFTPPacket(p);
        } catch (TFTPPacketException e) {
            return null;
        }
    }

    private void sendWindow(long from, long to) throws IOException {
        for (long b = from; b <= to; b++) {
            long offset = (b - 1) * options.blockSize();
            int length = (int) Math.max(0, Math.min(options.blockSize(), size - offset));
            byte[] chunk = new byte[length];
            if (ascii != null) {
                System.arraycopy(ascii, (int) offset, chunk, 0, length);
            } else {
                ByteBuffer buf = ByteBuffer.wrap(chunk);
                while (buf.hasRemaining() && channel.read(buf, offset + buf.position()) >= 0) {
                    // positional reads until the chunk is full
                }
            }
            send(Packets.data((int) (b & 0xffff), chunk, 0, length));
            sent = Math.max(sent, offset + length);
        }
    }

    private void send(byte[] packet) throws IOException {
        socket.send(new DatagramPacket(packet, packet.length, client));
    }

    /** netascii (RFC 764): LF becomes CR LF, a lone CR becomes CR NUL. */
    static byte[] netascii(byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length + raw.length / 16);
        for (byte b : raw) {
            if (b == '\n') {
                out.write('\r');
                out.write('\n');
            } else if (b == '\r') {
                out.write('\r');
                out.write(0);
            } else {
                out.write(b);
            }
        }
        return out.toByteArray();
    }
}
