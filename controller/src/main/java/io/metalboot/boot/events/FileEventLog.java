package io.metalboot.boot.events;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Boot events as JSON lines in {@code boot-events.jsonl}, bounded twice: when the file reaches {@code maxBytes} it
 * becomes {@code boot-events.1.jsonl} (replacing the one before), so the two never hold more than about
 * {@code 2 × maxBytes}; and at most {@link #PER_MAC_PER_MINUTE} events per MAC and minute are kept (a machine
 * looping on its boot, or a client naming the same MAC over and over, cannot push the others out). A line that does
 * not parse (a power cut mid-write) is skipped with one warning per file.
 */
public final class FileEventLog implements EventLog {
    private static final System.Logger LOG = System.getLogger(FileEventLog.class.getName());
    public static final String FILE = "boot-events.jsonl";
    public static final String OLD = "boot-events.1.jsonl";
    public static final long DEFAULT_MAX_BYTES = 4L << 20;
    static final int PER_MAC_PER_MINUTE = 30;
    static final int MACS_COUNTED = 4096;
    private final Path file;
    private final Path old;
    private final long maxBytes;
    private final Map<String, long[]> perMac = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, long[]> eldest) {
            return size() > MACS_COUNTED;
        }
    };
    private Writer out;
    private long size;
    private boolean failed;

    /** The log in {@code dir} (created when missing). */
    public FileEventLog(Path dir, long maxBytes) {
        this.file = dir.resolve(FILE);
        this.old = dir.resolve(OLD);
        this.maxBytes = maxBytes;
        try {
            Files.createDirectories(dir);
            size = Files.exists(file) ? Files.size(file) : 0;
            out = open();
            if (size > 0 && !endsWithNewline()) {
                out.write('\n'); // the last line was cut short: start the next one on its own line
                out.flush();
                size++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the boot event log " + file + ": " + e.getMessage()
                    + " (check that the state dir is writable, or pass another with --state)", e);
        }
    }

    public Path file() {
        return file;
    }

    private Writer open() throws IOException {
        return Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private boolean endsWithNewline() throws IOException {
        try (var ch = Files.newByteChannel(file)) {
            ch.position(size - 1);
            var b = java.nio.ByteBuffer.allocate(1);
            ch.read(b);
            return b.get(0) == '\n';
        }
    }

    @Override
    public synchronized boolean append(BootEvent event) {
        long minute = event.time().getEpochSecond() / 60;
        long[] count = perMac.computeIfAbsent(event.mac(), m -> new long[] {minute, 0});
        if (count[0] != minute) {
            count[0] = minute;
            count[1] = 0;
        }
        if (++count[1] > PER_MAC_PER_MINUTE || out == null) {
            return false;
        }
        byte[] line = (event.json() + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            if (size + line.length > maxBytes && size > 0) {
                out.close();
                Files.move(file, old, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                size = 0;
                out = open();
            }
            out.write(new String(line, StandardCharsets.UTF_8));
            out.flush();
            size += line.length;
            failed = false;
            return true;
        } catch (IOException e) {
            if (!failed) {
                LOG.log(Level.WARNING, "file={0} boot events are not being kept: {1} (is the disk full?)", file, e.getMessage());
            }
            failed = true;
            return false;
        }
    }

    @Override
    public synchronized List<BootEvent> replay() {
        List<BootEvent> events = new ArrayList<>();
        read(old, events);
        read(file, events);
        return events;
    }

    private static void read(Path path, List<BootEvent> into) {
        List<String> lines;
        try {
            lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return;
        } catch (IOException e) {
            LOG.log(Level.WARNING, "file={0} boot history not read: {1}", path, e.getMessage());
            return;
        }
        int skipped = 0;
        int first = 0;
        String why = "";
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            try {
                into.add(BootEvent.parse(lines.get(i)));
            } catch (IllegalArgumentException e) {
                if (skipped++ == 0) {
                    first = i + 1;
                    why = e.getMessage();
                }
            }
        }
        if (skipped > 0) {
            LOG.log(Level.WARNING, "{0}:{1}: skipped {2} line(s) that are not boot events (first: {3}); a power cut mid-write"
                    + " leaves such a line, the rest of the history is kept", path, first, skipped, why);
        }
    }

    @Override
    public synchronized void close() {
        try {
            if (out != null) {
                out.close();
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "file={0} not closed cleanly: {1}", file, e.getMessage());
        }
        out = null;
    }
}
