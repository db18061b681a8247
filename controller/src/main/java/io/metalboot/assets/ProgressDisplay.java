package io.metalboot.assets;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.function.LongSupplier;

/**
 * Shows downloads on standard error: a bar redrawn in place on a terminal (bytes, percent, rate,
 * ETA), one plain line per file and event otherwise (no control characters in logs), or nothing.
 */
public final class ProgressDisplay implements TransferListener {
    /** How to show progress. */
    public enum Mode { BAR, LINES, QUIET }

    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintWriter out;
    private final Mode mode;
    private final int width;
    private final LongSupplier nanos;
    private String name = "";
    private long startOffset;
    private long done;
    private OptionalLong total = OptionalLong.empty();
    private long startNanos;
    private long lastDraw;
    private boolean drawn;
    private boolean transferring;

    public ProgressDisplay(PrintWriter out, Mode mode, int width, LongSupplier nanos) {
        this.out = out;
        this.mode = mode;
        this.width = Math.max(40, width);
        this.nanos = nanos;
    }

    @Override
    public void started(String file, long offset, OptionalLong size) {
        name = file;
        startOffset = offset;
        done = offset;
        total = size;
        startNanos = nanos.getAsLong();
        transferring = true;
        if (mode == Mode.LINES) {
            String of = size.isPresent() ? " of " + Sizes.bytes(size.getAsLong()) : "";
            line(offset > 0 ? file + ": resuming at " + Sizes.bytes(offset) + of : file + ": downloading" + (of.isEmpty() ? "" : " " + of.substring(4)));
        } else if (mode == Mode.BAR) {
            draw();
        }
    }

    @Override
    public void progressed(long bytes) {
        done = bytes;
        if (mode == Mode.BAR && nanos.getAsLong() - lastDraw >= REDRAW_NANOS) {
            draw();
        }
    }

    @Override
    public void finished(String file, long size) {
        if (mode == Mode.QUIET) {
            return;
        }
        clear();
        if (!transferring || !file.equals(name)) {
            line(file + ": " + Sizes.bytes(size) + ", already complete");
            return;
        }
        transferring = false;
        long got = size - startOffset;
        Duration took = Duration.ofNanos(nanos.getAsLong() - startNanos);
        line(file + ": " + Sizes.bytes(got) + " in " + seconds(took) + " (" + Sizes.rate(rate(got, took)) + ")"
                + (startOffset > 0 ? ", " + Sizes.bytes(size) + " in all" : ""));
    }

    @Override
    public void note(String message) {
        if (mode == Mode.QUIET) {
            return;
        }
        clear();
        line(message);
        if (mode == Mode.BAR && transferring) {
            draw();
        }
    }

    /** {@code NAME  45% [=====>     ] 26.2 MB/58.3 MB  12.1 MB/s  ETA 3s}, padded to the width. */
    String barLine() {
        Duration took = Duration.ofNanos(nanos.getAsLong() - startNanos);
        double rate = rate(done - startOffset, took);
        String speed = took.toMillis() < 200 ? "" : "  " + Sizes.rate(rate);
        if (total.isEmpty()) {
            return fit(clean(name) + "  " + Sizes.bytes(done) + speed);
        }
        long all = Math.max(1, total.getAsLong());
        int percent = (int) Math.min(100, done * 100 / all);
        String eta = rate <= 0 || speed.isEmpty() ? "" : "  ETA " + Sizes.clock(Duration.ofSeconds((long) ((all - done) / rate)));
        String right = String.format(Locale.ROOT, " %3d%% ", percent);
        // fixed room for the rate and ETA, so the bar keeps its width while they appear and change
        String tail = String.format(Locale.ROOT, " %s/%s%-26s", Sizes.bytes(done), Sizes.bytes(all), speed + eta);
        String label = clean(name);
        int barWidth = width - 1 - label.length() - right.length() - tail.length() - 2;
        if (barWidth < 10) {
            label = label.length() > 20 ? label.substring(0, 19) + "~" : label;
            barWidth = width - 1 - label.length() - right.length() - tail.length() - 2;
        }
        if (barWidth < 10) {
            return fit(label + right + tail.stripTrailing());
        }
        int filled = (int) ((long) barWidth * percent / 100);
        String bar = "=".repeat(filled) + (filled < barWidth ? ">" + " ".repeat(barWidth - filled - 1) : "");
        return fit(label + right + "[" + bar + "]" + tail.stripTrailing());
    }

    private void draw() {
        lastDraw = nanos.getAsLong();
        out.print("\r" + barLine() + "\u001b[K");
        out.flush();
        drawn = true;
    }

    private void clear() {
        if (drawn) {
            out.print("\r\u001b[K");
            drawn = false;
        }
    }

    private void line(String text) {
        out.println(clean(text));
        out.flush();
    }

    private String fit(String s) {
        return s.length() < width ? s : s.substring(0, width - 1);
    }

    /** Log lines hold printable characters only, whatever a server or file name carried. */
    static String clean(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(c -> b.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return b.toString();
    }

    private static double rate(long bytes, Duration took) {
        double secs = took.toNanos() / 1e9;
        return secs <= 0 ? 0 : bytes / secs;
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
