package io.metalboot.boot.http;

import io.helidon.common.socket.SocketOptions;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketOption;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Helidon's options for accepted connections plus a socket read timeout, which Helidon 4.2 does not
 * set on the server side: a connection that sends nothing is held before Helidon even knows its
 * protocol, where no idle timeout reaches it. With {@code SO_TIMEOUT} a read that waits longer
 * fails and Helidon closes the connection: a client that connects and stays silent, or stops
 * between requests, is let go after {@code timeout}.
 */
record ReadTimeout(SocketOptions delegate, Duration timeout) implements SocketOptions {
    static ReadTimeout of(Duration timeout) {
        return new ReadTimeout(SocketOptions.create(), timeout);
    }

    @Override
    public void configureSocket(Socket socket) {
        delegate.configureSocket(socket);
        try {
            socket.setSoTimeout((int) timeout.toMillis());
        } catch (SocketException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Map<SocketOption<?>, Object> socketOptions() {
        return delegate.socketOptions();
    }

    @Override
    public Duration connectTimeout() {
        return delegate.connectTimeout();
    }

    @Override
    public Duration readTimeout() {
        return timeout;
    }

    @Override
    public Optional<Integer> socketReceiveBufferSize() {
        return delegate.socketReceiveBufferSize();
    }

    @Override
    public Optional<Integer> socketSendBufferSize() {
        return delegate.socketSendBufferSize();
    }

    @Override
    public boolean socketReuseAddress() {
        return delegate.socketReuseAddress();
    }

    @Override
    public boolean socketKeepAlive() {
        return delegate.socketKeepAlive();
    }

    @Override
    public boolean tcpNoDelay() {
        return delegate.tcpNoDelay();
    }
}
