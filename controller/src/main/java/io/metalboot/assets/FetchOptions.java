package io.metalboot.assets;

import java.time.Duration;

/**
 * How hard to try.
 *
 * @param retries        retries per file after a connection error, a stall or a 5xx (each resumes
 *                       where the last stopped; an attempt that received data does not count)
 * @param backoff        wait before the first retry; doubles after each
 * @param connectTimeout how long to wait for a connection, and for the response headers
 * @param stallTimeout   how long a transfer may receive nothing before it is dropped and retried
 * @param force          download again even when a verified file is there
 */
public record FetchOptions(int retries, Duration backoff, Duration connectTimeout, Duration stallTimeout, boolean force) {
    public FetchOptions {
        if (retries < 0) {
            throw new IllegalArgumentException("retries must not be negative");
        }
    }

    public static FetchOptions defaults() {
        return new FetchOptions(3, Duration.ofSeconds(1), Duration.ofSeconds(15), Duration.ofSeconds(30), false);
    }

    public FetchOptions withForce(boolean force) {
        return new FetchOptions(retries, backoff, connectTimeout, stallTimeout, force);
    }
}
