package io.metalboot.sim.shell;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A terminal's line discipline for an SSH shell channel with a pty: turns raw keystrokes into cooked
 * lines (echo, backspace/DEL, Ctrl-U, Ctrl-C drops the line, Ctrl-D on an empty line is end of file,
 * CR or LF ends a line, arrow-key escape sequences are ignored). Without a tty it only splits lines.
 * Read as an {@link InputStream} it yields the cooked bytes: what programs run from the shell read.
 */
final class LineDiscipline extends InputStream {
    /** What one {@link #readLine()} produced. */
    sealed interface Result {
    }

    record Line(String text) implements Result {
    }

    record Interrupt() implements Result {
    }

    record Eof() implements Result {
    }

    private final InputStream raw;
    private final OutputStream echo;
    private final boolean tty;
    private byte[] pending = new byte[0];
    private int pendingPos;
    private boolean afterCr;

    LineDiscipline(InputStream raw, OutputStream echo, boolean tty) {
        this.raw = raw;
        this.echo = echo;
        this.tty = tty;
    }

    /** The next line for the shell: what a program left unread of the current line, or a new one. */
    Result nextLine() throws IOException {
        if (pendingPos < pending.length) {
            String rest = new String(pending, pendingPos, pending.length - pendingPos, StandardCharsets.UTF_8);
            pendingPos = pending.length;
            return new Line(rest.endsWith("\n") ? rest.substring(0, rest.length() - 1) : rest);
        }
        return readLine();
    }

    Result readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int c = raw.read();
            if (c < 0) {
                return line.size() > 0 && !tty ? new Line(text(line)) : new Eof();
            }
            if (!tty) {
                if (c == '\n') {
                    return new Line(text(line));
                }
                line.write(c);
                continue;
            }
            boolean lfAfterCr = c == '\n' && afterCr;
            afterCr = c == '\r';
            if (lfAfterCr) {
                continue;
            }
            switch (c) {
                case '\r', '\n' -> {
                    echo("\r\n");
                    return new Line(text(line));
                }
                case 0x7f, 0x08 -> {
                    if (erase(line)) {
                        echo("\b \b");
                    }
                }
                case 0x15 -> {
                    while (erase(line)) {
                        echo("\b \b");
                    }
                }
                case 0x03 -> {
                    echo("^C\r\n");
                    return new Interrupt();
                }
                case 0x04 -> {
                    if (line.size() == 0) {
                        return new Eof();
                    }
                }
                case 0x1b -> skipEscape();
                default -> {
                    if (c >= 0x20 || c == '\t') {
                        line.write(c);
                        echo.write(c);
                        echo.flush();
                    }
                }
            }
        }
    }

    private static String text(ByteArrayOutputStream line) {
        return line.toString(StandardCharsets.UTF_8);
    }

    /** Removes the last (UTF-8) character; false when the line is empty. */
    private static boolean erase(ByteArrayOutputStream line) {
        byte[] b = line.toByteArray();
        if (b.length == 0) {
            return false;
        }
        int end = b.length - 1;
        while (end > 0 && (b[end] & 0xc0) == 0x80) {
            end--;
        }
        line.reset();
        line.write(b, 0, end);
        return true;
    }

    private void skipEscape() throws IOException {
        int c = raw.read();
        if (c == '[' || c == 'O') {
            do {
                c = raw.read();
            } while (c >= 0 && (c < 0x40 || c > 0x7e));
        }
    }

    private void echo(String s) throws IOException {
        if (tty) {
            echo.write(s.getBytes(StandardCharsets.UTF_8));
            echo.flush();
        }
    }

    @Override
    public int read() throws IOException {
        while (pendingPos >= pending.length) {
            Result r = readLine();
            if (r instanceof Eof) {
                return -1;
            }
            if (r instanceof Line l) {
                pending = (l.text() + "\n").getBytes(StandardCharsets.UTF_8);
                pendingPos = 0;
            }
        }
        return pending[pendingPos++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        int first = read();
        if (first < 0) {
            return -1;
        }
        b[off] = (byte) first;
        int n = 1;
        while (n < len && pendingPos < pending.length) {
            b[off + n++] = pending[pendingPos++];
        }
        return n;
    }
}
