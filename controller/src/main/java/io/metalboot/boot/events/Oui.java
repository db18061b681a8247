package io.metalboot.boot.events;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A MAC's vendor from the IEEE's OUI list, as Debian's {@code ieee-data} installs it
 * ({@code /usr/share/ieee-data/oui.txt}); no vendor when the file is missing. Read once, on first use.
 */
public final class Oui {
    public static final Path DEBIAN = Path.of("/usr/share/ieee-data/oui.txt");
    private final Path file;
    private Map<String, String> vendors;

    public Oui(Path file) {
        this.file = file;
    }

    /** The vendor of {@code mac} ({@code aa:bb:cc:…}); empty for a locally administered MAC or without the file. */
    public synchronized Optional<String> vendor(String mac) {
        if (vendors == null) {
            vendors = read(file);
        }
        String prefix = mac.length() >= 8 ? mac.substring(0, 8).replace(':', '-').toUpperCase(java.util.Locale.ROOT) : "";
        return Optional.ofNullable(vendors.get(prefix));
    }

    private static Map<String, String> read(Path file) {
        Map<String, String> out = new HashMap<>();
        if (!Files.isReadable(file)) {
            return out;
        }
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                int hex = line.indexOf("(hex)");
                if (hex == 8 || (hex > 8 && line.charAt(2) == '-' && line.charAt(5) == '-')) {
                    out.put(line.substring(0, 8).toUpperCase(java.util.Locale.ROOT), line.substring(hex + 5).strip());
                }
            }
        } catch (IOException e) {
            System.getLogger(Oui.class.getName()).log(System.Logger.Level.WARNING, "file={0} vendors not read: {1}", file, e.getMessage());
        }
        return out;
    }
}
