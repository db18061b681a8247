package io.metalboot.sim.openwrt;

import io.metalboot.router.openwrt.UciConfig;
import io.metalboot.router.openwrt.UciDelta;
import io.metalboot.router.openwrt.UciResult;
import io.metalboot.router.openwrt.UciSection;
import io.metalboot.router.openwrt.UciValue;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * cli.c {@code uci_do_import}: reads uci export text from the input. Without {@code -m} every
 * package read replaces its file in the config directory at once (staged deltas stay and still
 * apply on top); with {@code -m NAME} the sections are merged into the loaded package as staged
 * changes (an unnamed section is added, a named one set, options set, list items appended), saved
 * like {@code uci set} and seen only after {@code commit}. If the package cannot be loaded,
 * {@code -m} falls back to replacing it.
 */
final class UciImport {
    private final UciSession session;
    private final UciStore store;
    private final UciOptions options;

    UciImport(UciSession session, UciStore store, UciOptions options) {
        this.session = session;
        this.store = store;
        this.options = options;
    }

    int run(List<String> argv, UciInput input) throws InterruptedException {
        if (argv.size() > 2 || (argv.size() == 1 && options.merge())) {
            return UciSession.USAGE;
        }
        Optional<String> name = argv.size() == 2 ? Optional.of(argv.get(1)) : Optional.empty();
        String text;
        try {
            text = input.rest();
        } catch (IOException e) {
            return session.perror(UciFailure.io());
        }
        if (!options.merge()) {
            session.awaitConfigLock();
        }
        return session.locked(() -> importText(name, text));
    }

    private int importText(Optional<String> name, String text) {
        try {
            Optional<UciStore.Loaded> base = Optional.empty();
            if (options.merge()) {
                try {
                    base = Optional.of(store.load(name.orElseThrow()));
                } catch (UciFailure e) {
                    base = Optional.empty(); // cli.c: no package to merge into, import it whole
                }
            }
            List<UciConfig> packages = UciStore.parseImport(name, text);
            if (base.isPresent()) {
                store.save(name.orElseThrow(), merge(base.get().config(), packages.get(0)));
                return 0;
            }
            for (UciConfig config : packages) {
                store.overwrite(config);
            }
            return 0;
        } catch (UciFailure e) {
            return session.perror(e);
        }
    }

    /** The deltas file.c records when it parses the import into the loaded package with delta tracking on. */
    private static List<UciDelta> merge(UciConfig base, UciConfig imported) {
        String pkg = base.packageName();
        UciConfig config = base;
        List<UciDelta> deltas = new ArrayList<>();
        for (UciSection section : imported.sections()) {
            UciResult opened = section.anonymous()
                    ? config.command(List.of("add", pkg, section.type()), true)
                    : config.command(List.of("set", pkg + "." + section.name() + "=" + section.type()), true);
            config = opened.config();
            deltas.addAll(opened.deltas());
            String ref = section.anonymous() ? opened.stdout().get(0) : section.name();
            for (UciSection.Entry entry : section.options()) {
                String target = pkg + "." + ref + "." + entry.name() + "=";
                List<List<String>> commands = switch (entry.value()) {
                    case UciValue.StringValue s -> List.of(List.of("set", target + s.value()));
                    case UciValue.ListValue l -> l.items().stream().map(item -> List.of("add_list", target + item)).toList();
                };
                for (List<String> command : commands) {
                    UciResult result = config.command(command, true);
                    config = result.config();
                    deltas.addAll(result.deltas());
                }
            }
        }
        return deltas;
    }
}
