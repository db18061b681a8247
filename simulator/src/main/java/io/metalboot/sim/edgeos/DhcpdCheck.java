package io.metalboot.sim.edgeos;

import io.metalboot.router.edgeos.ConfigTree;
import io.metalboot.router.edgeos.DhcpServerValidator;
import io.metalboot.sim.fs.RouterFs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether dhcpd would start on a dhcpd.conf. When this host has ISC dhcpd ({@code /usr/sbin/dhcpd})
 * the real {@code dhcpd -t} decides, on a copy whose {@code include "…"} paths point at the router's
 * files in the host directory (so it reads the includes as they are now, as dhcpd does at start),
 * with its lease and pid files in the router's {@code /tmp}. Without it, a model: every include must
 * exist and the tree must have nothing {@link DhcpServerValidator} knows dhcpd refuses.
 */
final class DhcpdCheck {
    static final Path REAL_DHCPD = Path.of("/usr/sbin/dhcpd");
    private static final Pattern INCLUDE = Pattern.compile("(include\\s+\")([^\"]*)(\")");
    /** An include statement with its semicolon, which goes with it when the content is pasted in. */
    private static final Pattern INCLUDE_STATEMENT = Pattern.compile("include\\s+\"([^\"]*)\"\\s*;");
    private static final String CHECK_CONF = "/tmp/dhcpd-check.conf";

    private DhcpdCheck() {
    }

    /** dhcpd's complaints about {@code conf} (router paths in them); empty when it would start. */
    static List<String> problems(RouterFs fs, String conf, ConfigTree tree) {
        return Files.isExecutable(REAL_DHCPD) ? realDhcpd(fs, conf) : modelled(fs, conf, tree);
    }

    /** The conf with every include's content pasted in place, as the started daemon has it. */
    static String served(RouterFs fs, String conf) {
        Matcher matcher = INCLUDE_STATEMENT.matcher(conf);
        StringBuilder served = new StringBuilder();
        while (matcher.find()) {
            String content;
            try {
                content = fs.read(matcher.group(1));
            } catch (IOException e) {
                content = "# cannot read " + matcher.group(1);
            }
            matcher.appendReplacement(served, Matcher.quoteReplacement("# " + matcher.group() + "\n" + content));
        }
        return matcher.appendTail(served).toString();
    }

    private static List<String> realDhcpd(RouterFs fs, String conf) {
        Matcher matcher = INCLUDE.matcher(conf);
        String mapped = matcher.replaceAll(match -> Matcher.quoteReplacement(
                match.group(1) + fs.resolve(match.group(2)) + match.group(3)));
        Path output = fs.resolve("/tmp/dhcpd-check.out");
        try {
            fs.write(CHECK_CONF, mapped);
            fs.write("/tmp/dhcpd-check.leases", "");
            Process process = new ProcessBuilder(REAL_DHCPD.toString(), "-4", "-t",
                    "-cf", fs.resolve(CHECK_CONF).toString(),
                    "-lf", fs.resolve("/tmp/dhcpd-check.leases").toString(),
                    "-pf", fs.resolve("/tmp/dhcpd-check.pid").toString())
                    .redirectErrorStream(true).redirectOutput(output.toFile()).start();
            process.getOutputStream().close();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return List.of("dhcpd -t did not finish within 30 s");
            }
            if (process.exitValue() == 0) {
                return List.of();
            }
            String text = Files.readString(output, StandardCharsets.UTF_8)
                    .replace(fs.resolve(CHECK_CONF).toString(), DhcpDaemon.CONF)
                    .replace(fs.root() + "/", "/");
            List<String> lines = text.lines().filter(line -> !line.isBlank()).toList();
            return lines.isEmpty() ? List.of("dhcpd -t exited with status " + process.exitValue()) : lines;
        } catch (IOException e) {
            return List.of("cannot check " + DhcpDaemon.CONF + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of("interrupted while checking " + DhcpDaemon.CONF);
        }
    }

    private static List<String> modelled(RouterFs fs, String conf, ConfigTree tree) {
        List<String> problems = new ArrayList<>(DhcpServerValidator.validate(tree).dhcpdFailures());
        Matcher matcher = INCLUDE.matcher(conf);
        while (matcher.find()) {
            if (!fs.exists(matcher.group(2))) {
                problems.add("Can't open " + matcher.group(2) + ": No such file or directory");
            }
        }
        if (!problems.isEmpty()) {
            problems.add("Configuration file errors encountered -- exiting");
        }
        return problems;
    }
}
