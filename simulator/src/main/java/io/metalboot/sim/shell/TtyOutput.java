package io.metalboot.sim.shell;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** A terminal's output processing (ONLCR): {@code \n} is sent as {@code \r\n}. */
final class TtyOutput extends FilterOutputStream {
    TtyOutput(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        if (b == '\n') {
            out.write('\r');
        }
        out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        int start = off;
        for (int i = off; i < off + len; i++) {
            if (b[i] == '\n') {
                out.write(b, start, i - start);
                out.write('\r');
                start = i;
            }
        }
        out.write(b, start, off + len - start);
    }
}
