package io.metalboot.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One keep-alive HTTP/1.1 connection over a plain socket, as a booting machine holds one: GET only,
 * bodies by Content-Length or chunked; bodies up to {@link #KEEP} bytes are kept, larger ones are
 * read and counted, never held. Blocking, for virtual threads.
 */
public final class Http1 implements AutoCloseable {
    /** Bodies up to this size are returned; larger ones only counted. */
    public static final int KEEP = 1 << 20;
    private final InetSocketAddress server;
    private final int timeoutMillis;
    private final byte[] scratch = new byte[64 * 1024];
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    /** A response: status, body length, the body when at most {@link #KEEP} bytes, and the time from request to last byte. */
    public record Response(int status, long length, byte[] body, long nanos) {
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    public Http1(InetSocketAddress server, int timeoutMillis) {
        this.server = server;
        this.timeoutMillis = timeoutMillis;
    }

    /** GETs {@code target} (path and query); connects, or reconnects after the server closed, as needed. */
    public Response get(String target) throws IOException {
        long start = System.nanoTime();
        if (socket == null) {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(timeoutMillis);
            socket.connect(server, timeoutMillis);
            in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            out = socket.getOutputStream();
        }
        out.write(("GET " + target + " HTTP/1.1\r\nHost: " + server.getHostString() + ":" + server.getPort()
                + "\r\nUser-Agent: metalboot-bench\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String statusLine = line();
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new IOException("GET " + target + ": not an HTTP/1.x status line: '" + statusLine + "'");
        }
        int status = Integer.parseInt(parts[1]);
        long contentLength = -1;
        boolean chunked = false;
        boolean close = parts[0].equals("HTTP/1.0");
        for (String h = line(); !h.isEmpty(); h = line()) {
            int colon = h.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = h.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = h.substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> contentLength = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "connection" -> close = value.equalsIgnoreCase("close");
                default -> {
                }
            }
        }
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        long length;
        if (chunked) {
            length = 0;
            for (long size = Long.parseLong(line().split(";")[0].trim(), 16); size > 0; size = Long.parseLong(line().split(";")[0].trim(), 16)) {
                length += body(size, kept, length);
                line();
            }
            for (String trailer = line(); !trailer.isEmpty(); trailer = line()) {
                // trailers are not used
            }
        } else if (contentLength >= 0) {
            length = body(contentLength, kept, 0);
        } else {
            throw new IOException("GET " + target + ": response " + status + " has neither Content-Length nor chunked encoding");
        }
        if (close) {
            close();
        }
        return new Response(status, length, kept.toByteArray(), System.nanoTime() - start);
    }

    private long body(long size, ByteArrayOutputStream kept, long before) throws IOException {
        long left = size;
        while (left > 0) {
            int n = in.read(scratch, 0, (int) Math.min(scratch.length, left));
            if (n < 0) {
                throw new IOException("the server closed the connection with " + left + " of " + size + " body bytes unread");
            }
            if (before + size - left < KEEP) {
                kept.write(scratch, 0, (int) Math.min(n, KEEP - (before + size - left)));
            }
            left -= n;
        }
        return size;
    }

    private String line() throws IOException {
        StringBuilder s = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("the server closed the connection mid-response (after '" + s + "')");
            }
            if (s.length() > 16 * 1024) {
                throw new IOException("a response header line longer than 16 KiB");
            }
            if (c != '\r') {
                s.append((char) c);
            }
        }
        return s.toString();
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
            socket = null;
        }
    }
}
