package io.metalboot.assets;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The HTTP range headers a resumed download reads and the validator it keeps beside the part file. */
final class Ranges {
    private Ranges() {
    }

    /** {@code Content-Range: bytes START-END/TOTAL} or {@code bytes *}{@code /TOTAL} as [start, end, total]; -1 for unknown. */
    static Optional<long[]> contentRange(HttpResponse<?> response) {
        Optional<String> header = response.headers().firstValue("Content-Range");
        if (header.isEmpty()) {
            return Optional.empty();
        }
        String v = header.get().trim();
        if (!v.startsWith("bytes ") || v.indexOf('/') < 0) {
            return Optional.empty();
        }
        String range = v.substring(6, v.indexOf('/')).trim();
        String total = v.substring(v.indexOf('/') + 1).trim();
        try {
            long t = total.equals("*") ? -1 : Long.parseLong(total);
            if (range.equals("*")) {
                return Optional.of(new long[] {-1, -1, t});
            }
            int dash = range.indexOf('-');
            return Optional.of(new long[] {Long.parseLong(range.substring(0, dash)), Long.parseLong(range.substring(dash + 1)), t});
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    /** A strong ETag, else Last-Modified: what proves on resume that the file has not changed. */
    static void saveIfRange(Path file, HttpResponse<?> response) throws IOException {
        Optional<String> etag = response.headers().firstValue("ETag").filter(e -> !e.startsWith("W/"));
        Optional<String> value = etag.or(() -> response.headers().firstValue("Last-Modified"));
        if (value.isPresent()) {
            Files.writeString(file, value.get(), StandardCharsets.UTF_8);
        } else {
            Files.deleteIfExists(file);
        }
    }

    static Optional<String> readIfRange(Path file) {
        try {
            return Files.exists(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip()).filter(v -> !v.isEmpty()
                    && v.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Beside {@code NAME.part}: the validator that proves on resume that the file has not changed. */
    static Path ifRangeFile(Path part) {
        return part.resolveSibling(part.getFileName() + ".if-range");
    }
}
