package io.metalboot.router.ssh;

import com.jcraft.jsch.SocketFactory;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** Opens the session's one TCP connection within the connect timeout and counts the bytes on the wire. */
final class CountingSocketFactory implements SocketFactory {
    private final Duration connectTimeout;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong received = new AtomicLong();

    CountingSocketFactory(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    long sent() {
        return sent.get();
    }

    long received() {
        return received.get();
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), (int) connectTimeout.toMillis());
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    @Override
    public InputStream getInputStream(Socket socket) throws IOException {
        return new FilterInputStream(socket.getInputStream()) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    received.incrementAndGet();
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                if (n > 0) {
                    received.addAndGet(n);
                }
                return n;
            }
        };
    }

    @Override
    public OutputStream getOutputStream(Socket socket) throws IOException {
        return new FilterOutputStream(socket.getOutputStream()) {
            @Override
            public void write(int b) throws IOException {
                out.write(b);
                sent.incrementAndGet();
            }

            @Override
            public void write(byte[] buffer, int offset, int length) throws IOException {
                out.write(buffer, offset, length);
                sent.addAndGet(length);
            }
        };
    }
}
