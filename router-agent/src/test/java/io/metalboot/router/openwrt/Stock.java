package io.metalboot.router.openwrt;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The packaged stock OpenWrt 23.05 /etc/config/dhcp. */
final class Stock {
    static final String DHCP_TEXT = read("metalboot/templates/openwrt/stock/dhcp");
    static final UciConfig DHCP = UciConfig.parse("dhcp", DHCP_TEXT);

    private Stock() {
    }

    static String read(String classpathName) {
        try (InputStream in = Stock.class.getClassLoader().getResourceAsStream(classpathName)) {
            if (in == null) {
                throw new IllegalStateException(classpathName + " is not on the test class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
