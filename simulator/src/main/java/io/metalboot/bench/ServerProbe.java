package io.metalboot.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Another process's memory and CPU as Linux and the JDK's jcmd report them: resident and peak
 * resident memory from {@code /proc/PID/status}, CPU time from {@code /proc/PID/stat}, used Java
 * heap from {@code jcmd PID GC.heap_info}.
 */
public final class ServerProbe {
    private static final Pattern HEAP_USED = Pattern.compile("\\bused (\\d+)K");
    private static final long TICKS_PER_SECOND = 100; // USER_HZ, 100 on every Linux architecture the JDK runs on
    private final long pid;

    public ServerProbe(long pid) {
        this.pid = pid;
    }

    /** Resident memory (VmRSS), KiB. */
    public long rssKib() throws IOException {
        return status("VmRSS");
    }

    /** Peak resident memory (VmHWM) since start or the last {@link #resetPeak}, KiB. */
    public long peakKib() throws IOException {
        return status("VmHWM");
    }

    /** Restarts the peak from the current resident size (writes 5 to clear_refs); false when not allowed. */
    public boolean resetPeak() {
        try {
            Files.writeString(Path.of("/proc/" + pid + "/clear_refs"), "5");
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** User plus system CPU time the process used so far, seconds. */
    public double cpuSeconds() throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"), StandardCharsets.US_ASCII);
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / (double) TICKS_PER_SECOND; // fields 14 and 15 of stat(5)
    }

    /**
     * Used Java heap, KiB, as {@code jcmd GC.heap_info} prints it (no collection forced): the sum of its heap lines
     * (one for G1, one per generation for the serial collector), without Metaspace and class space.
     */
    public long heapUsedKib() throws IOException, InterruptedException {
        long sum = 0;
        boolean found = false;
        for (String line : jcmd("GC.heap_info").lines().toList()) {
            String t = line.strip();
            if (t.startsWith("Metaspace") || t.startsWith("class space")) {
                continue;
            }
            Matcher m = HEAP_USED.matcher(t);
            if (m.find()) {
                sum += Long.parseLong(m.group(1));
                found = true;
            }
        }
        if (!found) {
            throw new IOException("jcmd " + pid + " GC.heap_info printed no 'used NK'");
        }
        return sum;
    }

    /** Forces a full collection ({@code jcmd GC.run}), so the used heap after it is what is live. */
    public void collect() throws IOException, InterruptedException {
        jcmd("GC.run");
    }

    /** Runs {@code jcmd PID args…}, returns its output. */
    public String jcmd(String... args) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        List<String> command = new java.util.ArrayList<>(List.of(jcmd.toString(), Long.toString(pid)));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroy();
            throw new IOException(String.join(" ", command) + " failed: " + out.strip());
        }
        return out;
    }

    private long status(String key) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith(key + ":")) {
                return Long.parseLong(line.substring(key.length() + 1).trim().split("\\s+")[0]);
            }
        }
        throw new IOException("/proc/" + pid + "/status has no " + key);
    }
}
