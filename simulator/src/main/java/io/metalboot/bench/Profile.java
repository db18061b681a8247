package io.metalboot.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordingFile;

/**
 * A JFR recording's CPU samples summed up: the share of samples whose stack passes through each of
 * metalboot's parts (inclusive), and the methods most often on top. Uses {@code jdk.CPUTimeSample}
 * (CPU-time sampling, JDK 25 on Linux; see {@link #START}) when the recording has it, else
 * {@code jdk.ExecutionSample}.
 */
public record Profile(String event, long samples, Map<String, Long> parts, List<Map.Entry<String, Long>> top) {
    /** {@code jcmd PID JFR.start} arguments for a recording this reads best: CPU-time samples every 1 ms of CPU. */
    public static final List<String> START = List.of("settings=profile", "jdk.CPUTimeSample#enabled=true",
            "jdk.CPUTimeSample#throttle=1ms");

    /** The parts of the server a sample can be in, by the first matching frame anywhere in its stack. */
    static final Map<String, Predicate<String>> PARTS = partsByFrame();

    private static Map<String, Predicate<String>> partsByFrame() {
        Map<String, Predicate<String>> p = new LinkedHashMap<>();
        p.put("template engine (io.metalboot.template)", f -> f.startsWith("io.metalboot.template."));
        p.put("group selection (DataDir.select)", f -> f.startsWith("io.metalboot.boot.DataDir.select")
                || f.startsWith("io.metalboot.boot.Group."));
        p.put("Ignition translation (io.metalboot.boot.ignition)", f -> f.startsWith("io.metalboot.boot.ignition."));
        p.put("rendered endpoints in all (BootRoutes.rendered)", f -> f.startsWith("io.metalboot.boot.http.BootRoutes.rendered"));
        p.put("static files (Helidon static content)", f -> f.startsWith("io.helidon.webserver.staticcontent."));
        return p;
    }

    public static Profile read(Path jfr) throws IOException {
        List<RecordedEvent> all = RecordingFile.readAllEvents(jfr);
        String event = all.stream().anyMatch(e -> e.getEventType().getName().equals("jdk.CPUTimeSample")) ? "jdk.CPUTimeSample"
                : "jdk.ExecutionSample";
        long samples = 0;
        Map<String, Long> parts = new LinkedHashMap<>();
        PARTS.keySet().forEach(k -> parts.put(k, 0L));
        Map<String, Long> top = new HashMap<>();
        for (RecordedEvent e : all) {
            if (!e.getEventType().getName().equals(event) || e.getStackTrace() == null) {
                continue;
            }
            samples++;
            List<RecordedFrame> frames = e.getStackTrace().getFrames();
            if (!frames.isEmpty()) {
                top.merge(name(frames.getFirst()), 1L, Long::sum);
            }
            for (var part : PARTS.entrySet()) {
                if (frames.stream().map(Profile::name).anyMatch(part.getValue())) {
                    parts.merge(part.getKey(), 1L, Long::sum);
                }
            }
        }
        List<Map.Entry<String, Long>> sorted = top.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(8).toList();
        return new Profile(event, samples, parts, sorted);
    }

    /** The share of samples, percent. */
    public double percent(long n) {
        return samples == 0 ? 0 : 100.0 * n / samples;
    }

    private static String name(RecordedFrame f) {
        RecordedMethod m = f.getMethod();
        return m == null ? "?" : m.getType().getName() + "." + m.getName();
    }
}
