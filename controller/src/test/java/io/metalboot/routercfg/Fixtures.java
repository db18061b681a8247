package io.metalboot.routercfg;

import io.metalboot.inventory.Inventory;
import io.metalboot.inventory.InventoryLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/** The bundled example lab and the seed's files (from router-agent's test jar). */
final class Fixtures {
    static final Path EXAMPLE = Path.of("../examples/home-lab/cluster.yaml");
    static final RouterTemplates BUNDLED = new RouterTemplates(Optional.empty());

    private Fixtures() {
    }

    static Inventory example() {
        return InventoryLoader.load(EXAMPLE);
    }

    static String seedResource(String name) {
        try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream("io/metalboot/router/edgeos/" + name)) {
            if (in == null) {
                throw new AssertionError("router-agent test resource " + name + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
