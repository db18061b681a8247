package io.metalboot.router.edgeos;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads test resources and packaged templates from the class path. */
final class Resources {
    private Resources() {
    }

    static String read(String classpathName) {
        try (InputStream in = Resources.class.getClassLoader().getResourceAsStream(classpathName)) {
            if (in == null) {
                throw new IllegalStateException(classpathName + " is not on the test class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String seed() {
        return read("io/metalboot/router/edgeos/seed-dhcp-server.boot");
    }
}
