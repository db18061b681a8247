package io.metalboot.proxydhcp;

/** The proxyDHCP server could not start; the message says why and what to do. */
public final class ProxyDhcpException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ProxyDhcpException(String message, Throwable cause) {
        super(message, cause);
    }
}
