package io.metalboot.routercfg;

import io.metalboot.template.Template;
import io.metalboot.template.TemplateFunction;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The router template files: the bundled ones from the edgeos-templates / openwrt-templates jars,
 * each overridable by a file of the same name under {@code DIR/edgeos/} or {@code DIR/openwrt/}.
 */
public final class RouterTemplates {
    private static final String BUNDLED = "metalboot/templates/";
    private final Optional<Path> overrides;

    public RouterTemplates(Optional<Path> overrides) {
        this.overrides = overrides;
    }

    /** Renders template {@code kind/name} with {@code data}. */
    public String render(String kind, String name, Map<String, Object> data) {
        return load(kind, name).render(data);
    }

    /** Parses template {@code kind/name}; the name in its messages is the file it came from. */
    Template load(String kind, String name) {
        Optional<Path> file = overrides.map(d -> d.resolve(kind).resolve(name)).filter(Files::isRegularFile);
        if (file.isPresent()) {
            try {
                return Template.funcs(FUNCTIONS).parse(file.get().toString(),
                        Files.readString(file.get(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read template " + file.get() + ": " + e.getMessage(), e);
            }
        }
        String resource = BUNDLED + kind + "/" + name;
        try (InputStream in = RouterTemplates.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("bundled template " + resource + " is missing from the class path;"
                        + " rebuild metalboot (./metalboot rebuilds when sources change)");
            }
            return Template.funcs(FUNCTIONS).parse(kind + "-templates/templates/" + name,
                    new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled template " + resource, e);
        }
    }

    private static final Map<String, TemplateFunction> FUNCTIONS = Map.of("edgeosQuote", RouterTemplates::edgeosQuote);

    /**
     * Quotes a raw dhcpd parameter for an EdgeOS {@code set} command: double quotes become
     * {@code &quot;} (as EdgeOS stores them) and the whole value is single-quoted for the shell.
     */
    static Object edgeosQuote(List<Object> args) {
        if (args.size() != 1) {
            throw new IllegalArgumentException("edgeosQuote takes one argument, got " + args.size());
        }
        String v = String.valueOf(args.get(0)).replace("\"", "&quot;");
        if (v.contains("'")) {
            throw new IllegalArgumentException("edgeosQuote: a raw parameter cannot contain a single quote: " + v);
        }
        return "'" + v + "'";
    }
}
