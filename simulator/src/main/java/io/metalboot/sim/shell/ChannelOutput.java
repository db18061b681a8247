package io.metalboot.sim.shell;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Wraps an SSH channel's output: once the channel is closed (a write fails), later writes are
 * discarded, so a background job that outlives its channel keeps running.
 */
final class ChannelOutput extends OutputStream {
    private final OutputStream out;
    private volatile boolean broken;

    ChannelOutput(OutputStream out) {
        this.out = out;
    }

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
        if (broken) {
            return;
        }
        try {
            synchronized (out) {
                out.write(b, off, len);
                out.flush();
            }
        } catch (IOException | RuntimeException e) {
            broken = true;
        }
    }

    @Override
    public void flush() {
        if (!broken) {
            try {
                out.flush();
            } catch (IOException | RuntimeException e) {
                broken = true;
            }
        }
    }

    @Override
    public void close() {
        flush();
    }
}
