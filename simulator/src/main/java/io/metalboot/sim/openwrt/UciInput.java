package io.metalboot.sim.openwrt;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** uci's input stream (stdin or {@code -f FILE}) read a line at a time, as {@code fgets} does, so a batch runs while it is fed. */
final class UciInput {
    private final Reader reader;

    UciInput(InputStream in) {
        this.reader = new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    /** The next line with its newline (none on the last line without one); empty at end of input. */
    Optional<String> nextLine() throws IOException, InterruptedException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = reader.read()) >= 0) {
            line.append((char) c);
            if (c == '\n') {
                break;
            }
            if (Thread.interrupted()) {
                throw new InterruptedException("uci batch interrupted");
            }
        }
        return line.isEmpty() ? Optional.empty() : Optional.of(line.toString());
    }

    /** Everything left, for {@code uci import}. */
    String rest() throws IOException, InterruptedException {
        StringBuilder all = new StringBuilder();
        for (Optional<String> line = nextLine(); line.isPresent(); line = nextLine()) {
            all.append(line.get());
        }
        return all.toString();
    }
}
