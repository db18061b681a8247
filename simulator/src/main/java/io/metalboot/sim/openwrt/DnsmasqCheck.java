package io.metalboot.sim.openwrt;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Whether a dnsmasq configuration would start: the real {@code dnsmasq --test} of this host when
 * {@code /usr/sbin/dnsmasq} is installed, else every configuration is taken as good. Paths in the
 * text must already point at real files (the service maps them into the router's file system).
 */
interface DnsmasqCheck {

    /** The verdict: accepted, or dnsmasq's complaints without the {@code dnsmasq: } prefix. */
    record Verdict(boolean accepted, List<String> errors) {
        public Verdict {
            errors = List.copyOf(errors);
        }
    }

    Verdict test(String confText, String routerPath);

    /** The host's dnsmasq if it is installed, else no check. */
    static DnsmasqCheck onThisHost() {
        Path binary = Path.of("/usr/sbin/dnsmasq");
        return Files.isExecutable(binary) ? new RealDnsmasq(binary) : (text, path) -> new Verdict(true, List.of());
    }

    /** {@code dnsmasq --test --conf-file=TMP}, 30 s at most; TMP is replaced by the router path in messages. */
    record RealDnsmasq(Path binary) implements DnsmasqCheck {
        @Override
        public Verdict test(String confText, String routerPath) {
            Path conf = null;
            try {
                conf = Files.createTempFile("sim-dnsmasq-", ".conf");
                Files.writeString(conf, confText);
                Process process = new ProcessBuilder(binary.toString(), "--test", "--conf-file=" + conf)
                        .redirectErrorStream(true).start();
                process.getOutputStream().close();
                String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    return new Verdict(false, List.of("dnsmasq --test did not finish within 30 s"));
                }
                String where = conf.toString();
                List<String> lines = output.lines().filter(line -> !line.isBlank())
                        .map(line -> line.startsWith("dnsmasq: ") ? line.substring(9) : line)
                        .map(line -> line.replace(where, routerPath)).toList();
                return process.exitValue() == 0 ? new Verdict(true, List.of())
                        : new Verdict(false, lines.isEmpty() ? List.of("exit status " + process.exitValue()) : lines);
            } catch (IOException e) {
                return new Verdict(false, List.of("cannot run " + binary + ": " + e.getMessage()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Verdict(false, List.of("interrupted while running " + binary + " --test"));
            } finally {
                deleteQuietly(Optional.ofNullable(conf));
            }
        }

        private static void deleteQuietly(Optional<Path> file) {
            try {
                if (file.isPresent()) {
                    Files.deleteIfExists(file.get());
                }
            } catch (IOException e) {
                // a leftover temp file is harmless
            }
        }
    }
}
