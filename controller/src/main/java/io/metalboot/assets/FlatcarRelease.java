package io.metalboot.assets;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One Flatcar release on a mirror: {@code BASE/VERSION/NAME}, where BASE is Flatcar's own
 * {@code https://CHANNEL.release.flatcar-linux.net/amd64-usr} unless another is given.
 *
 * @param channel stable, beta, alpha or lts
 * @param version {@code current}, {@code current-YYYY} (an LTS stream) or {@code MAJOR.MINOR.PATCH}
 * @param base    the mirror's base URL, without a trailing slash
 */
public record FlatcarRelease(String channel, String version, URI base) {
    /** The PXE kernel and initrd, in the names the boot profiles use. */
    public static final List<String> PXE_FILES = List.of("flatcar_production_pxe.vmlinuz", "flatcar_production_pxe_image.cpio.gz");

    static final List<String> CHANNELS = List.of("stable", "beta", "alpha", "lts");
    private static final Pattern VERSION = Pattern.compile("current(-\\d{4})?|\\d{1,6}\\.\\d{1,6}\\.\\d{1,6}");

    public FlatcarRelease {
        if (!CHANNELS.contains(channel)) {
            throw AssetsException.input("--channel '" + channel + "' is not a Flatcar channel (expected stable, beta, alpha or lts)");
        }
        if (!VERSION.matcher(version).matches()) {
            throw AssetsException.input("--version '" + version + "' is not a Flatcar version (expected current, current-YYYY"
                    + " for an LTS stream, or MAJOR.MINOR.PATCH, e.g. 4152.2.3)");
        }
        if (!"http".equals(base.getScheme()) && !"https".equals(base.getScheme()) || base.getHost() == null) {
            throw AssetsException.input("--base-url '" + base + "' is not an http(s) URL (e.g. https://stable.release.flatcar-linux.net/amd64-usr)");
        }
    }

    /** Flatcar's own mirror unless {@code baseUrl} is given; channel and version are checked here. */
    public static FlatcarRelease of(String channel, String version, Optional<String> baseUrl) {
        String c = channel.toLowerCase(Locale.ROOT);
        String base = baseUrl.orElse("https://" + c + ".release.flatcar-linux.net/amd64-usr");
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        try {
            return new FlatcarRelease(c, version, new URI(base));
        } catch (URISyntaxException e) {
            throw AssetsException.input("--base-url '" + base + "' is not a URL: " + e.getReason(), e);
        }
    }

    /** Where {@code name} of this release is on the mirror. */
    public URI url(String name) {
        return URI.create(base + "/" + version + "/" + name);
    }

    /**
     * Where the boot profiles look for this release: {@code DATA/assets/flatcar/VERSION}, served as
     * {@code /assets/flatcar/VERSION/}. {@code current} stays {@code current}, as the inventory's
     * {@code os.version} names it.
     */
    public Path directory(Path data) {
        return data.resolve("assets").resolve("flatcar").resolve(version);
    }
}
