package io.metalboot.sim.openwrt;

import io.metalboot.router.openwrt.UciConfig;
import io.metalboot.router.openwrt.UciException;
import io.metalboot.router.openwrt.UciResult;
import io.metalboot.router.openwrt.UciWords;
import io.metalboot.sim.faults.Faults;
import io.metalboot.sim.fs.RouterFs;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * One run of {@code uci}: cli.c's {@code uci_cmd} and {@code uci_batch} over a {@link UciStore}.
 * Every command loads its package afresh (a batch unloads all packages after each command), so
 * concurrent callers see each other's staged deltas. Status 255 means "print the usage" (or
 * {@code Unknown command} in a batch).
 */
final class UciSession {
    static final int USAGE = 255;
    private static final int MAX_BATCH_ARGS = 4;
    private static final Set<String> SECTION_COMMANDS = Set.of("get", "set", "add_list", "del_list", "del", "delete",
            "rename", "ren", "revert", "reorder");
    private static final Set<String> PACKAGE_COMMANDS = Set.of("show", "changes", "export", "commit");

    private final UciOptions options;
    private final UciStore store;
    private final UciInput input;
    private final PrintStream stdout;
    private final PrintStream stderr;
    private final RouterFs fs;
    private final Faults faults;
    private final UciErrors errors;
    /** Lines read by the batch's parse context ({@code ctx->pctx->line}); empty outside a batch. */
    private Optional<Integer> batchLine = Optional.empty();

    UciSession(UciOptions options, UciStore store, UciInput input, PrintStream stdout, PrintStream stderr, RouterFs fs,
               Faults faults) {
        this.options = options;
        this.store = store;
        this.input = input;
        this.stdout = stdout;
        this.stderr = stderr;
        this.fs = fs;
        this.faults = faults;
        this.errors = new UciErrors(options, stderr);
    }

    int command(List<String> argv, boolean inBatch) throws InterruptedException {
        String name = argv.get(0).toLowerCase(Locale.ROOT);
        if (name.equals("batch") && !inBatch) {
            return batch();
        }
        if (SECTION_COMMANDS.contains(name)) {
            return argv.size() != 2 ? USAGE : locked(() -> section(name, argv));
        }
        if (PACKAGE_COMMANDS.contains(name)) {
            return argv.size() > 2 ? USAGE : argv.size() == 2 ? packageCommand(name, argv.get(1)) : allPackages(name);
        }
        return switch (name) {
            case "add" -> argv.size() != 3 ? USAGE : locked(() -> add(argv.get(1), argv.get(2)));
            case "import" -> new UciImport(this, store, options).run(argv, input);
            case "help" -> {
                stderr.print(UciOptions.usage(options.appName()));
                yield 0;
            }
            default -> USAGE;
        };
    }

    /** A step that touches the files, run while no other uci on this router does (as flock would). */
    interface Step {
        int run() throws InterruptedException;
    }

    int locked(Step step) throws InterruptedException {
        synchronized (fs) {
            return step.run();
        }
    }

    /** file.c opens the package file with an exclusive flock before committing: it waits for the holder. */
    void awaitConfigLock() throws InterruptedException {
        while (faults.lockHolder().isPresent()) {
            Thread.sleep(20);
        }
    }

    /** cli.c {@code uci_do_section_cmd}: every command loads its package afresh (a batch unloads them after each command). */
    private int section(String name, List<String> argv) {
        String tuple = argv.get(1);
        Optional<String> pkg = UciConfig.packageOf(tuple);
        if (pkg.isEmpty()) {
            return perror(new UciFailure(UciFailure.PARSE, "Parse error"));
        }
        UciConfig config;
        try {
            config = store.load(pkg.get()).config();
        } catch (UciFailure e) {
            return perror(e);
        }
        if (name.equals("revert")) {
            UciConfig.Lookup lookup = config.lookup(tuple);
            if (lookup.error().isPresent()) {
                return perror(lookup.error().get());
            }
            if (lookup.value().isPresent()) {
                return 1;
            }
            store.revert(pkg.get(), lookup.section(), lookup.option());
            return 0;
        }
        return finish(config.command(argv, options.extendedShow(), options.delimiter()), pkg.get());
    }

    private int add(String pkg, String type) {
        try {
            UciResult result = store.load(pkg).config().command(List.of("add", pkg, type), options.extendedShow());
            store.save(pkg, result.deltas());
            result.stdout().forEach(line -> stdout.print(line + "\n"));
            return 0;
        } catch (UciFailure e) {
            perror(e);
            return e.code(); // cli.c returns libuci's error number from uci_do_add
        }
    }

    /** Prints a command's output and saves its deltas. */
    private int finish(UciResult result, String pkg) {
        result.stdout().forEach(line -> stdout.print(line + "\n"));
        result.stderr().forEach(message -> perror(UciFailure.of(message)));
        if (result.exitCode() != 0) {
            return result.exitCode();
        }
        try {
            store.save(pkg, result.deltas());
        } catch (UciFailure e) {
            return perror(e);
        }
        return 0;
    }

    private int allPackages(String name) throws InterruptedException {
        List<String> configs;
        try {
            configs = store.configs();
        } catch (UciFailure e) {
            return perror(e);
        }
        for (String config : configs) {
            packageCommand(name, config);
        }
        return 0;
    }

    private int packageCommand(String name, String tuple) throws InterruptedException {
        if (name.equals("commit") && !options.noCommit()) {
            awaitConfigLock();
        }
        return locked(() -> packageStep(name, tuple));
    }

    private int packageStep(String name, String tuple) {
        Optional<String> pkg = UciConfig.packageOf(tuple);
        if (pkg.isEmpty()) {
            return perror(new UciFailure(UciFailure.PARSE, "Parse error"));
        }
        UciStore.Loaded loaded;
        try {
            loaded = store.load(pkg.get());
        } catch (UciFailure e) {
            return perror(e);
        }
        UciConfig.Lookup lookup = loaded.config().lookup(tuple);
        if (lookup.error().isPresent()) {
            return perror(lookup.error().get());
        }
        switch (name) {
            case "changes" -> loaded.changes().forEach(delta -> stdout.print(delta.change(pkg.get()) + "\n"));
            case "export" -> stdout.print(loaded.config().export(options.exportNames()));
            case "show" -> {
                return finish(loaded.config().command(List.of("show", tuple), options.extendedShow(), options.delimiter()), pkg.get());
            }
            default -> {
                return commit(pkg.get());
            }
        }
        return 0;
    }

    private int commit(String pkg) {
        if (options.noCommit()) {
            return 0;
        }
        if (faults.takeCommitFailure().isPresent()) {
            return perror(UciFailure.io()); // as when the package file cannot be opened for writing
        }
        try {
            store.commit(pkg);
            return 0;
        } catch (UciFailure e) {
            return perror(e);
        }
    }

    /**
     * cli.c {@code uci_batch}. The parser's line count (in parse errors) restarts whenever a command
     * loads a package, because loading replaces the parse context; lines of commands that failed
     * before loading anything keep counting.
     */
    private int batch() throws InterruptedException {
        try {
            return batchLines();
        } finally {
            batchLine = Optional.empty();
        }
    }

    /**
     * The parse context's line count ({@code ctx->pctx->line}) restarts whenever a command opens a
     * package file (uci_import frees the context); a command that fails before that (a bad pointer,
     * a missing package) leaves it counting on.
     */
    private int batchLines() throws InterruptedException {
        int linesRead = 0;
        while (true) {
            Optional<String> line = read();
            if (line.isEmpty()) {
                return 0;
            }
            List<String> words;
            try {
                words = UciWords.firstCommand(line.get(), linesRead);
            } catch (UciException e) {
                perror(UciFailure.parse(e.uciMessage()));
                continue;
            }
            linesRead += (int) line.get().chars().filter(c -> c == '\n').count();
            if (words.size() >= MAX_BATCH_ARGS) {
                error("Too many arguments\n");
                continue;
            }
            if (words.isEmpty()) {
                continue;
            }
            if (words.get(0).equalsIgnoreCase("exit")) {
                return 0;
            }
            batchLine = Optional.of(linesRead);
            store.takeOpened();
            if (command(words, true) == USAGE) {
                error("Unknown command\n");
            }
            if (store.takeOpened()) {
                linesRead = 0;
            }
        }
    }

    /** One batch command's text: a line, and the next ones while a quote or a trailing backslash is open. */
    private Optional<String> read() throws InterruptedException {
        try {
            Optional<String> first = input.nextLine();
            if (first.isEmpty()) {
                return first;
            }
            StringBuilder text = new StringBuilder(first.get());
            while (UciWords.incomplete(text.toString())) {
                Optional<String> more = input.nextLine();
                if (more.isEmpty()) {
                    break;
                }
                text.append(more.get());
            }
            return Optional.of(text.toString());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** cli.c {@code cli_perror}: {@code <argv[0]>: <error>} with libuci's detail ({@link UciErrors}); returns 1. */
    int perror(UciFailure failure) {
        errors.perror(failure, batchLine);
        return 1;
    }

    /** A router-agent message {@code uci: Entry not found}, printed under the program's own name. */
    int perror(String uciMessage) {
        return perror(UciFailure.of(uciMessage));
    }

    /** cli.c {@code cli_error}: text as is, silent under {@code -q}. */
    void error(String text) {
        errors.error(text);
    }
}
