package io.metalboot.tftp;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A benchmark cell, not a test: {@link #CLIENTS} machines fetch ipxe.efi from one TFTP server at once, as a rack powering on. */
final class Rack {
    static final int CLIENTS = 100;

    private Rack() {
    }

    /** Wall times of each round, seconds, sorted; how many transfers of all rounds finished whole, of how many. */
    record Result(double[] seconds, int finished, int of) {
        boolean allWhole() {
            return finished == of;
        }

        double median() {
            return seconds[seconds.length / 2];
        }

        String time() {
            return seconds.length == 1 ? String.format(Locale.ROOT, "%.2f s", median())
                    : String.format(Locale.ROOT, "%.2f s (%.2f–%.2f)", median(), seconds[0], seconds[seconds.length - 1]);
        }

        String whole() {
            return finished + " / " + of;
        }
    }

    static Result run(int port, int rounds) {
        double[] seconds = new double[Math.max(1, rounds)];
        int whole = 0;
        for (int r = 0; r < seconds.length; r++) {
            AtomicInteger ok = new AtomicInteger();
            long start = System.nanoTime();
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < CLIENTS; i++) {
                    pool.execute(() -> {
                        try (RawClient client = new RawClient(5_000)) {
                            if (client.fetch(port, TftpBench.RACK_FILE, Map.of("blksize", "1432", "tsize", "0")).content().length
                                    == TftpBench.RACK_SIZE) {
                                ok.incrementAndGet();
                            }
                        } catch (AssertionError | RuntimeException e) {
                            // counted as not whole
                        }
                    });
                }
                pool.shutdown();
                pool.awaitTermination(5, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            seconds[r] = (System.nanoTime() - start) / 1e9;
            whole += ok.get();
        }
        Arrays.sort(seconds);
        return new Result(seconds, whole, CLIENTS * seconds.length);
    }
}
