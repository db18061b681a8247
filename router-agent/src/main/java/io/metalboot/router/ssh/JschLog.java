package io.metalboot.router.ssh;

import com.jcraft.jsch.Logger;
import java.lang.System.Logger.Level;

/**
 * JSch's log for one session, forwarded to {@link System.Logger} {@code com.jcraft.jsch} with the
 * {@code router=host:port} context. JSch's INFO chatter (every algorithm it negotiates) goes to DEBUG.
 * JSch never logs passwords or key material.
 */
final class JschLog implements Logger {
    private static final System.Logger LOG = System.getLogger("com.jcraft.jsch");
    private final String address;

    JschLog(String address) {
        this.address = address;
    }

    @Override
    public boolean isEnabled(int level) {
        return LOG.isLoggable(level(level));
    }

    @Override
    public void log(int level, String message) {
        LOG.log(level(level), "router=" + address + " " + message);
    }

    @Override
    public void log(int level, String message, Throwable cause) {
        LOG.log(level(level), "router=" + address + " " + message, cause);
    }

    private static Level level(int jschLevel) {
        return switch (jschLevel) {
            case DEBUG, INFO -> Level.DEBUG;
            case WARN -> Level.WARNING;
            default -> Level.ERROR;
        };
    }
}
