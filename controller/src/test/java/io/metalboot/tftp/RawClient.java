package io.metalboot.tftp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A TFTP client that speaks raw packets, so tests can misbehave on purpose: send bad options, skip or
 * repeat ACKs, talk from a second port. Every receive waits at most {@code wait} milliseconds.
 */
final class RawClient implements AutoCloseable {
    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    /** One packet from the server, decoded. */
    record Reply(int opcode, int block, byte[] data, Map<String, String> options, String message,
            InetSocketAddress from) {
        boolean isError(int code) {
            return opcode == 5 && block == code;
        }

        @Override
        public String toString() {
            return switch (opcode) {
                case 3 -> "DATA " + block + " (" + data.length + " bytes)";
                case 5 -> "ERROR " + block + " '" + message + "'";
                case 6 -> "OACK " + options;
                default -> "opcode " + opcode;
            };
        }
    }

    private final DatagramSocket socket;
    private final int wait;

    RawClient(int waitMillis) {
        try {
            socket = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.wait = waitMillis;
    }

    RawClient() {
        this(5_000);
    }

    static byte[] request(int opcode, String file, String mode, Map<String, String> options) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0);
        out.write(opcode);
        for (String s : concat(file, mode, options)) {
            out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
            out.write(0);
        }
        return out.toByteArray();
    }

    private static String[] concat(String file, String mode, Map<String, String> options) {
        String[] all = new String[2 + 2 * options.size()];
        all[0] = file;
        all[1] = mode;
        int i = 2;
        for (var e : options.entrySet()) {
            all[i++] = e.getKey();
            all[i++] = e.getValue();
        }
        return all;
    }

    static byte[] ack(int block) {
        return new byte[] {0, 4, (byte) (block >>> 8), (byte) block};
    }

    void send(byte[] packet, InetSocketAddress to) {
        try {
            socket.send(new DatagramPacket(packet, packet.length, to));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void rrq(int port, String file, Map<String, String> options) {
        send(request(1, file, "octet", options), new InetSocketAddress(LOOPBACK, port));
    }

    /** The next packet, or empty after {@code wait} ms of silence. */
    Optional<Reply> receive() {
        byte[] buffer = new byte[65536];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        try {
            socket.setSoTimeout(wait);
            socket.receive(packet);
        } catch (SocketTimeoutException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] b = Arrays.copyOf(buffer, packet.getLength());
        int opcode = b[1];
        InetSocketAddress from = (InetSocketAddress) packet.getSocketAddress();
        int number = b.length >= 4 ? ((b[2] & 0xff) << 8) | (b[3] & 0xff) : -1;
        return Optional.of(switch (opcode) {
            case 3 -> new Reply(3, number, Arrays.copyOfRange(b, 4, b.length), Map.of(), "", from);
            case 5 -> new Reply(5, number, new byte[0], Map.of(), text(b, 4), from);
            case 6 -> new Reply(6, -1, new byte[0], options(b), "", from);
            default -> new Reply(opcode, number, b, Map.of(), "", from);
        });
    }

    /** The next packet; fails the test when none comes. */
    Reply expect() {
        return receive().orElseThrow(() -> new AssertionError("no packet from the server within " + wait + " ms"));
    }

    private static String text(byte[] b, int from) {
        int end = from;
        while (end < b.length && b[end] != 0) {
            end++;
        }
        return new String(b, from, end - from, StandardCharsets.US_ASCII);
    }

    private static Map<String, String> options(byte[] b) {
        Map<String, String> options = new LinkedHashMap<>();
        int i = 2;
        while (i < b.length) {
            String name = text(b, i);
            i += name.length() + 1;
            String value = text(b, i);
            i += value.length() + 1;
            options.put(name, value);
        }
        return options;
    }

    /**
     * Fetches {@code file} the well-behaved way (any window size, 16-bit block numbers rolling over to
     * 0); returns the bytes and how many DATA packets arrived.
     */
    Fetched fetch(int port, String file, Map<String, String> options) {
        rrq(port, file, options);
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        int blksize = 512;
        int window = 1;
        long expected = 1;
        long packets = 0;
        Reply first = expect();
        InetSocketAddress server = first.from();
        Reply reply = first;
        if (first.opcode() == 6) {
            blksize = Integer.parseInt(first.options().getOrDefault("blksize", "512"));
            window = Integer.parseInt(first.options().getOrDefault("windowsize", "1"));
            send(ack(0), server);
            reply = expect();
        }
        int inWindow = 0;
        while (true) {
            if (reply.opcode() != 3) {
                throw new AssertionError("expected DATA " + (expected & 0xFFFF) + ", got " + reply);
            }
            packets++;
            if (reply.block() == (int) (expected & 0xFFFF)) {
                content.writeBytes(reply.data());
                expected++;
                inWindow++;
                boolean last = reply.data().length < blksize;
                if (last || inWindow == window) {
                    send(ack(reply.block()), server);
                    inWindow = 0;
                }
                if (last) {
                    return new Fetched(content.toByteArray(), packets, first);
                }
            }
            reply = expect();
        }
    }

    /** A finished download. */
    record Fetched(byte[] content, long dataPackets, Reply first) {
    }

    InetSocketAddress address() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    @Override
    public void close() {
        socket.close();
    }
}
