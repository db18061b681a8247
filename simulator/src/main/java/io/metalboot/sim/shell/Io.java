package io.metalboot.sim.shell;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** A process's file descriptors 0–9: each an input stream, an output stream, or closed. */
final class Io {
    static final InputStream EMPTY = InputStream.nullInputStream();
    static final PrintStream NULL = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
    private final Object[] fds = new Object[10];

    Io(InputStream in, PrintStream out, PrintStream err) {
        fds[0] = in;
        fds[1] = out;
        fds[2] = err;
    }

    private Io(Object[] from) {
        System.arraycopy(from, 0, fds, 0, fds.length);
    }

    static PrintStream print(OutputStream out) {
        return out instanceof PrintStream p ? p : new PrintStream(out, true, StandardCharsets.UTF_8);
    }

    Io copy() {
        return new Io(fds);
    }

    InputStream in() {
        return fds[0] instanceof InputStream in ? in : EMPTY;
    }

    PrintStream out() {
        return output(1);
    }

    PrintStream err() {
        return output(2);
    }

    PrintStream output(int fd) {
        return fds[fd] instanceof PrintStream p ? p : NULL;
    }

    Object get(int fd) {
        return fds[fd];
    }

    void set(int fd, Object stream) {
        fds[fd] = stream;
    }

    Io with(int fd, Object stream) {
        Io io = copy();
        io.fds[fd] = stream;
        return io;
    }
}
