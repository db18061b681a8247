package io.metalboot.router.openwrt;

import io.metalboot.router.openwrt.UciPointer.Failure;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The uci command line (cli.c) on one package: get, set, add, add_list, del_list, delete, rename,
 * reorder, show, export; {@code commit}, {@code changes} and {@code revert} only look the argument
 * up, because the package holds no staged delta (the caller owns the delta files). Errors are
 * uci's: {@code uci: Entry not found}, {@code uci: Invalid argument}, {@code uci: Parse error}; a
 * wrong argument count is cli.c's status 255, for which the caller prints the usage.
 */
final class UciCommands {
    /** cli.c's status for a bad invocation: the caller prints the usage (or "Unknown command" in a batch). */
    static final int USAGE = 255;
    private static final int MAX_ARGS = 4;
    private final UciConfig config;
    private final UciShow show;
    private final String delimiter;

    UciCommands(UciConfig config, String delimiter) {
        this.config = config;
        this.show = new UciShow(config, delimiter);
        this.delimiter = delimiter;
    }

    /** One command of {@link UciConfig#run} or {@link UciConfig#batch}, usage problems as a message. */
    UciResult run(List<String> words, boolean batch) {
        if (batch && words.size() >= MAX_ARGS) {
            return fail("Too many arguments");
        }
        UciResult result = command(words, true);
        return result.exitCode() == USAGE ? fail(batch ? "Unknown command" : "Usage: uci [<options>] <command> [<arguments>]") : result;
    }

    /** cli.c's {@code uci_cmd} for this package; {@code extendedShow} is false under {@code uci -X}. */
    UciResult command(List<String> words, boolean extendedShow) {
        if (words.isEmpty()) {
            return usage();
        }
        String command = words.get(0).toLowerCase(Locale.ROOT);
        List<String> args = words.subList(1, words.size());
        return switch (command) {
            case "get", "set", "add_list", "del_list", "del", "delete", "rename", "ren", "reorder", "revert" ->
                    args.size() != 1 ? usage() : section(command, args.get(0));
            case "show", "export", "commit", "changes" -> args.size() > 1 ? usage() : packageCommand(command, args, extendedShow);
            case "add" -> args.size() != 2 ? usage() : add(args.get(0), args.get(1));
            default -> usage();
        };
    }

    private UciResult usage() {
        return new UciResult(config, List.of(), List.of(), USAGE);
    }

    private UciResult add(String packageName, String type) {
        if (!packageName.equals(config.packageName())) {
            return fail(Failure.NOT_FOUND.message);
        }
        int counter = config.sectionCounter() + 1;
        String name = UciNames.anonymousName(counter, type);
        List<UciSection> sections = new ArrayList<>(config.sections());
        sections.add(new UciSection(type, name, true, List.of()));
        return new UciResult(config.withSections(sections, counter), List.of(name), List.of(), 0,
                List.of(UciDelta.of(UciDelta.Op.ADD, name, Optional.empty(), type)));
    }

    private UciResult packageCommand(String command, List<String> args, boolean extendedShow) {
        String shown = show.packageText(extendedShow);
        if (args.isEmpty()) {
            return ok(command.equals("show") ? shown.lines().toList() : command.equals("export") ? config.export().lines().toList() : List.of());
        }
        UciConfig.Lookup lookup = config.lookup(args.get(0));
        if (lookup.error().isPresent()) {
            return fail(lookup.error().get());
        }
        if (!command.equals("show")) {
            return ok(command.equals("export") ? config.export().lines().toList() : List.of());
        }
        if (lookup.section().isEmpty()) {
            return ok(shown.lines().toList());
        }
        Optional<UciSection> section = config.section(lookup.section().get());
        if (section.isEmpty()) {
            return fail(Failure.NOT_FOUND.message);
        }
        if (lookup.option().isEmpty()) {
            return ok(show.section(section.get(), section.get().name()).lines().toList());
        }
        return section.get().options().stream().filter(entry -> entry.name().equals(lookup.option().get())).findFirst()
                .map(entry -> ok(show.option(section.get().name(), entry).lines().toList()))
                .orElseGet(() -> fail(Failure.NOT_FOUND.message));
    }

    private UciResult section(String command, String argument) {
        UciPointer.Parsed parsed = UciPointer.parse(argument);
        if (parsed.failure().isPresent()) {
            return fail(parsed.failure().get().message);
        }
        UciPointer pointer = parsed.pointer().orElseThrow();
        if (!pointer.packageName().equals(config.packageName())) {
            return fail(Failure.NOT_FOUND.message);
        }
        if (command.equals("revert")) {
            // cli.c: uci_revert works on the delta files; a value is refused without a message
            return new UciResult(config, List.of(), List.of(), pointer.value().isPresent() ? 1 : 0);
        }
        return new UciSectionCommand(config, pointer, delimiter).run(command);
    }

    private UciResult ok(List<String> stdout) {
        return new UciResult(config, stdout, List.of(), 0);
    }

    private UciResult fail(String message) {
        return new UciResult(config, List.of(), List.of(message), 1);
    }
}
