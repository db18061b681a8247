package io.metalboot.sim.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** The whole machine's CPU time from the first line of {@code /proc/stat}, to tell how busy all cores were. */
final class MachineCpu {
    private MachineCpu() {
    }

    /** user, nice, system, idle, iowait, irq, softirq, steal ticks, summed over all cores. */
    static long[] ticks() throws IOException {
        String cpu = Files.readAllLines(Path.of("/proc/stat")).getFirst();
        return Arrays.stream(cpu.trim().split("\\s+")).skip(1).limit(8).mapToLong(Long::parseLong).toArray();
    }

    /** The busy share (0..1) of all cores between two readings: everything but idle and iowait. */
    static double busy(long[] before, long[] after) {
        long total = 0;
        long idle = 0;
        for (int i = 0; i < before.length; i++) {
            long d = after[i] - before[i];
            total += d;
            if (i == 3 || i == 4) {
                idle += d;
            }
        }
        return total == 0 ? 0 : (total - idle) / (double) total;
    }
}
