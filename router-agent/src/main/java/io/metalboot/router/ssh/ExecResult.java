package io.metalboot.router.ssh;

import java.util.Objects;

/** What one script run on the router produced: its exit status, standard output and standard error (UTF-8). */
public record ExecResult(int status, String stdout, String stderr) {
    public ExecResult {
        Objects.requireNonNull(stdout, "stdout");
        Objects.requireNonNull(stderr, "stderr");
    }

    public boolean ok() {
        return status == 0;
    }
}
