package io.metalboot.sim;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The example lab's inventory ({@code examples/home-lab/cluster.yaml}, packaged with the simulators)
 * pointed at a router on loopback: its kind, port, login user, key and known_hosts.
 */
public final class LabInventory {
    private static final String RESOURCE = "/metalboot/examples/home-lab/cluster.yaml";

    private LabInventory() {
    }

    /** The example lab as shipped. */
    public static String example() throws IOException {
        try (InputStream in = LabInventory.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException("the example inventory " + RESOURCE + " is not on the class path (rebuild with ./metalboot)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** {@code lab} with its router section pointed at {@code router}, logging in with {@code key}. */
    public static String pointedAt(String lab, SimulatedRouter router, Path key, Path knownHosts) {
        String section = """
                router:
                  kind: %s
                  address: 127.0.0.1
                  port: %d
                  user: %s
                  identity: %s
                  knownHosts: %s
                  dhcp:
                """.formatted(router.kind().name().toLowerCase(), router.port(), router.user(), key, knownHosts);
        String pointed = lab.replaceFirst("(?s)router:\n.*?\n  dhcp:\n", java.util.regex.Matcher.quoteReplacement(section));
        if (pointed.equals(lab)) {
            throw new IllegalArgumentException("the inventory has no 'router:' section followed by '  dhcp:' to point at the simulator");
        }
        return pointed;
    }

    /** Writes the example lab pointed at {@code router} to {@code file}. */
    public static Path write(Path file, SimulatedRouter router, Path key, Path knownHosts) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        return Files.writeString(file, pointedAt(example(), router, key, knownHosts));
    }
}
