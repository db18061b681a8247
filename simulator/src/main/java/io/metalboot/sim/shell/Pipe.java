package io.metalboot.sim.shell;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A bounded pipe between two pipeline stages. Once the reader is gone a write throws
 * {@link BrokenPipe} (the simulated SIGPIPE: the writer ends with status 141), so
 * {@code producer | head -n 1} terminates.
 */
final class Pipe {
    /** SIGPIPE: unchecked so that it passes through {@link java.io.PrintStream}, which swallows IOExceptions. */
    static final class BrokenPipe extends RuntimeException {
        BrokenPipe() {
            super("Broken pipe", null, false, false);
        }
    }

    private final byte[] buf = new byte[64 * 1024];
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private int head;
    private int count;
    private boolean writerClosed;
    private boolean readerClosed;

    final InputStream source = new InputStream() {
        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            lock.lock();
            try {
                while (count == 0 && !writerClosed && !readerClosed) {
                    awaitChange();
                }
                if (count == 0) {
                    return -1;
                }
                int n = Math.min(len, Math.min(count, buf.length - head));
                System.arraycopy(buf, head, b, off, n);
                head = (head + n) % buf.length;
                count -= n;
                changed.signalAll();
                return n;
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void close() {
            lock.lock();
            try {
                readerClosed = true;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }
    };

    final OutputStream sink = new OutputStream() {
        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            lock.lock();
            try {
                while (len > 0) {
                    if (readerClosed) {
                        throw new BrokenPipe();
                    }
                    if (writerClosed) {
                        throw new IOException("write to a closed pipe");
                    }
                    if (count == buf.length) {
                        awaitChange();
                        continue;
                    }
                    int tail = (head + count) % buf.length;
                    int n = Math.min(len, Math.min(buf.length - count, buf.length - tail));
                    System.arraycopy(b, off, buf, tail, n);
                    count += n;
                    off += n;
                    len -= n;
                    changed.signalAll();
                }
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void close() {
            closeWriter();
        }
    };

    void closeWriter() {
        lock.lock();
        try {
            writerClosed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void awaitChange() throws InterruptedIOException {
        try {
            changed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted (killed)");
        }
    }
}
