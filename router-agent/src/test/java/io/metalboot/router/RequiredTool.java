package io.metalboot.router;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A real daemon a test needs ({@code dhcpd}, {@code dnsmasq}). When it is missing the test fails
 * under {@code CI=true} (the CI image must have it) and is skipped elsewhere, with the reason
 * printed so a skipped check is never silent.
 */
public record RequiredTool(Path path) {
    private static final List<String> EXTRA_DIRS = List.of("/usr/sbin", "/sbin", "/usr/local/sbin");

    /** Output and exit status of one run. */
    public record Run(int exitCode, String output) {
    }

    /** Finds {@code name} on PATH (and the sbin directories, which a non-root PATH often lacks). */
    public static RequiredTool find(String name, String debianPackage) {
        Optional<Path> found = search(name);
        if (found.isPresent()) {
            return new RequiredTool(found.get());
        }
        String reason = name + " not found on PATH or in " + EXTRA_DIRS + " (install the Debian package "
                + debianPackage + ")";
        if ("true".equals(System.getenv("CI"))) {
            Assertions.fail("CI=true and " + reason);
        }
        System.out.println("SKIPPED: " + reason);
        Assumptions.abort(reason);
        throw new AssertionError("unreachable");
    }

    private static Optional<Path> search(String name) {
        List<String> dirs = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(":")));
        dirs.addAll(EXTRA_DIRS);
        return dirs.stream().filter(dir -> !dir.isBlank()).map(dir -> Path.of(dir, name))
                .filter(Files::isExecutable).findFirst();
    }

    /** Runs the tool with {@code arguments}, stdout and stderr merged, 30 s at most. */
    public Run run(String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(path.toString());
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                Assertions.fail(command + " did not finish within 30 s");
            }
            return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("could not run " + command + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + command, e);
        }
    }
}
