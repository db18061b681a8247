package io.metalboot.router.openwrt;

import java.util.List;

/**
 * The outcome of one uci command (or a whole {@code uci batch}): the package afterwards, and what
 * uci printed on stdout (e.g. the name {@code uci add} returns) and stderr
 * ({@code uci: Entry not found}), with its exit status.
 */
public record UciResult(UciConfig config, List<String> stdout, List<String> stderr, int exitCode) {
    public UciResult {
        stdout = List.copyOf(stdout);
        stderr = List.copyOf(stderr);
    }
}
