package io.metalboot.sim.openwrt;

import io.metalboot.router.RouterAgentException;
import io.metalboot.router.openwrt.UciConfig;
import io.metalboot.router.openwrt.UciDelta;
import io.metalboot.router.openwrt.UciException;
import io.metalboot.sim.fs.RouterFs;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * libuci's file backend over a router file system: packages in the config directory, staged deltas
 * in the save directory, read back from every directory of the delta search path. Loading applies the
 * delta files in search-path order on top of {@code <confdir>/<pkg>} (a line uci cannot parse is
 * skipped, one it cannot apply is still listed by {@code changes}); saving appends to
 * {@code <savedir>/<pkg>}; {@code commit} re-reads the file, applies all delta files again, empties
 * only the save directory's file (before writing, as file.c does) and replaces the package file.
 */
final class UciStore {
    /** A package as uci loads it, and the deltas it read ({@code p->saved_delta}). */
    record Loaded(UciConfig config, List<UciDelta> changes, int applied) {
    }

    private final RouterFs fs;
    private final UciOptions options;
    private final String cwd;
    /** Whether a package file was opened since the last {@link #takeOpened} (file.c's uci_import then frees the parse context). */
    private boolean opened;

    UciStore(RouterFs fs, UciOptions options, String cwd) {
        this.fs = fs;
        this.options = options;
        this.cwd = cwd;
    }

    private String path(String dir, String name) {
        return RouterFs.normalize(dir + "/" + name, cwd);
    }

    /** {@code uci_load}: Entry not found without a regular file, Parse error for a file uci cannot read. */
    Loaded load(String name) throws UciFailure {
        if (!name.matches("[A-Za-z0-9_-]+")) {
            throw name.chars().allMatch(c -> c > 32 && c < 127) && !name.isEmpty() ? UciFailure.notFound() : UciFailure.invalid();
        }
        return withDeltas(readPackage(name));
    }

    private UciConfig readPackage(String name) throws UciFailure {
        String file = path(options.confDir(), name);
        if (!fs.exists(file) || fs.isDirectory(file)) {
            throw UciFailure.notFound();
        }
        opened = true;
        try {
            return UciConfig.parseImport(Optional.of(name), fs.read(file)).get(0);
        } catch (UciException e) {
            throw UciFailure.parse(e.uciMessage());
        } catch (IOException e) {
            throw UciFailure.io();
        }
    }

    boolean takeOpened() {
        boolean was = opened;
        opened = false;
        return was;
    }

    private Loaded withDeltas(UciConfig base) {
        UciConfig config = base;
        List<UciDelta> changes = new ArrayList<>();
        int applied = 0;
        for (String dir : options.deltaPaths()) {
            for (String line : deltaLines(path(dir, base.packageName()))) {
                Optional<UciDelta> delta = UciDelta.parse(base.packageName(), line);
                if (delta.isEmpty()) {
                    continue;
                }
                changes.add(delta.get());
                Optional<UciConfig> next = config.apply(delta.get());
                if (next.isPresent()) {
                    config = next.get();
                    applied++;
                }
            }
        }
        return new Loaded(config, changes, applied);
    }

    private List<String> deltaLines(String file) {
        try {
            return fs.exists(file) && !fs.isDirectory(file) ? fs.read(file).lines().toList() : List.of();
        } catch (IOException e) {
            return List.of(); // uci_load_delta_file traps the error and reads nothing
        }
    }

    /** {@code uci_save}: appends to the save directory's file, creating the directory (not its parents). */
    void save(String name, List<UciDelta> deltas) throws UciFailure {
        if (deltas.isEmpty()) {
            return;
        }
        String dir = RouterFs.normalize(options.saveDir(), cwd);
        try {
            if (!fs.exists(dir)) {
                fs.mkdir(dir, false);
            } else if (!fs.isDirectory(dir)) {
                throw UciFailure.io();
            }
        } catch (IOException e) {
            // mkdir's result is not checked by delta.c; opening the file below fails instead
        }
        StringBuilder text = new StringBuilder();
        deltas.forEach(delta -> text.append(delta.line(name)).append('\n'));
        try (OutputStream out = fs.open(path(options.saveDir(), name), true)) {
            out.write(text.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw UciFailure.io();
        }
    }

    /** {@code uci_commit} of a loaded package; nothing is written when no delta applies. */
    void commit(String name) throws UciFailure {
        Loaded fresh = withDeltas(readPackage(name));
        if (fresh.applied() == 0) {
            return;
        }
        String staged = path(options.saveDir(), name);
        try {
            if (fs.exists(staged) && !fs.isDirectory(staged)) {
                fs.write(staged, "");
            }
            fs.write(path(options.confDir(), name), fresh.config().fileContent());
        } catch (IOException e) {
            throw UciFailure.io();
        }
    }

    /** {@code uci_commit(overwrite)} of an imported package: the file is replaced, staged deltas stay. */
    void overwrite(UciConfig config) throws UciFailure {
        try {
            fs.write(path(options.confDir(), config.packageName()), config.fileContent());
        } catch (IOException e) {
            throw UciFailure.io();
        }
    }

    /**
     * delta.c {@code uci_filter_delta}: drops the save directory's lines for that section (and
     * option); other delta paths are not touched. A line it cannot parse leaves the file as it was.
     */
    void revert(String name, Optional<String> section, Optional<String> option) {
        String file = path(options.saveDir(), name);
        List<String> kept = new ArrayList<>();
        for (String line : deltaLines(file)) {
            Optional<UciDelta> delta = UciDelta.parse(name, line);
            if (delta.isEmpty()) {
                return;
            }
            boolean match = section.map(s -> s.equals(delta.get().section())).orElse(true)
                    && option.map(o -> delta.get().option().filter(o::equals).isPresent()).orElse(true);
            if (!match) {
                kept.add(delta.get().line(name) + "\n");
            }
        }
        try {
            if (fs.exists(file)) {
                fs.write(file, String.join("", kept));
            }
        } catch (IOException e) {
            // uci_revert's filter traps I/O errors; cli.c exits 0 after a revert in any case
        }
    }

    /** {@code uci_list_configs}: the config directory's files, sorted, without dotted names. */
    List<String> configs() throws UciFailure {
        String dir = RouterFs.normalize(options.confDir(), cwd);
        List<String> names;
        try {
            names = fs.isDirectory(dir) ? fs.list(dir) : List.of();
        } catch (IOException e) {
            names = List.of();
        }
        if (names.isEmpty()) {
            throw UciFailure.notFound(); // glob() finds nothing
        }
        return names.stream().filter(n -> !n.contains(".") && !fs.isDirectory(path(options.confDir(), n)))
                .filter(n -> n.matches("[A-Za-z0-9_-]+")).toList();
    }

    /** A package uci could build from {@code text} under {@code name}, for {@code import}. */
    static List<UciConfig> parseImport(Optional<String> name, String text) throws UciFailure {
        try {
            return UciConfig.parseImport(name, text);
        } catch (UciException e) {
            throw e.uciMessage().startsWith("uci: Parse error") ? UciFailure.parse(e.uciMessage())
                    : new UciFailure(6, e.uciMessage().substring(5));
        } catch (RouterAgentException e) {
            throw UciFailure.invalid();
        }
    }
}
