package io.metalboot.router.openwrt;

import java.util.List;

/**
 * The outcome of one uci command (or a whole {@code uci batch}): the package afterwards, and what
 * uci printed on stdout (e.g. the name {@code uci add} returns) and stderr
 * ({@code uci: Entry not found}), with its exit status, and the changes uci would stage in the save
 * directory for it, in order (none for a read, a failure, or a set that changed nothing).
 */
public record UciResult(UciConfig config, List<String> stdout, List<String> stderr, int exitCode, List<UciDelta> deltas) {
    public UciResult {
        stdout = List.copyOf(stdout);
        stderr = List.copyOf(stderr);
        deltas = List.copyOf(deltas);
    }

    public UciResult(UciConfig config, List<String> stdout, List<String> stderr, int exitCode) {
        this(config, stdout, stderr, exitCode, List.of());
    }
}
