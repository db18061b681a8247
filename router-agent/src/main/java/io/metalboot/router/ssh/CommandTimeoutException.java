package io.metalboot.router.ssh;

import io.metalboot.router.RouterAgentException;
import java.time.Duration;

/** A command did not finish within the router's command timeout; it may still be running on the router. */
public final class CommandTimeoutException extends RouterAgentException {
    private static final long serialVersionUID = 1L;

    CommandTimeoutException(String address, String command, Duration timeout) {
        super("command '" + command + "' on router " + address + " did not finish within " + seconds(timeout)
                + "; it may still be running there. Check the router's load, or allow more time with a longer command"
                + " timeout.");
    }

    static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
