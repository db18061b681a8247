package io.metalboot.sim.ssh;

import java.io.InputStream;
import java.io.OutputStream;

/**
 * What a simulated router does with an SSH channel. Either method may throw
 * {@link io.metalboot.sim.shell.ConnectionDropped}: the SSH layer then drops the whole connection
 * without an exit status, as a router that lost power or network would.
 */
public interface ChannelHandler {
    /** An exec channel: runs {@code command} as {@code $SHELL -c} would and returns its exit status. */
    int exec(String command, InputStream in, OutputStream out, OutputStream err);

    /** A shell channel: an interactive session until {@code exit} or end of input; returns the last status. */
    int shell(InputStream in, OutputStream out, OutputStream err, boolean tty);
}
