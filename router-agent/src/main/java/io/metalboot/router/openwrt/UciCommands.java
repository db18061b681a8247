package io.metalboot.router.openwrt;

import io.metalboot.router.openwrt.UciPointer.Failure;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The uci command line (cli.c) on one package: get, set, add, add_list, del_list, delete, rename,
 * reorder, show, export; {@code commit} and {@code changes} are accepted and do nothing because the
 * model holds no staged delta. Errors are uci's: {@code uci: Entry not found},
 * {@code uci: Invalid argument}, {@code uci: Parse error}.
 */
final class UciCommands {
    private static final int MAX_ARGS = 4;
    private final UciConfig config;

    UciCommands(UciConfig config) {
        this.config = config;
    }

    UciResult run(List<String> words, boolean batch) {
        if (words.isEmpty()) {
            return fail("Usage: uci [<options>] <command> [<arguments>]");
        }
        if (batch && words.size() >= MAX_ARGS) {
            return fail("Too many arguments");
        }
        List<String> args = words.subList(1, words.size());
        return switch (words.get(0).toLowerCase(java.util.Locale.ROOT)) {
            case "get", "set", "add_list", "del_list", "del", "delete", "rename", "ren", "reorder" ->
                    args.size() != 1 ? usage(batch) : section(words.get(0).toLowerCase(java.util.Locale.ROOT), args.get(0));
            case "show", "export", "commit", "changes" -> args.size() > 1 ? usage(batch) : packageCommand(words.get(0), args);
            case "add" -> args.size() != 2 ? usage(batch) : add(args.get(0), args.get(1));
            default -> usage(batch);
        };
    }

    private UciResult usage(boolean batch) {
        return fail(batch ? "Unknown command" : "Usage: uci [<options>] <command> [<arguments>]");
    }

    private UciResult add(String packageName, String type) {
        if (!packageName.equals(config.packageName())) {
            return fail(Failure.NOT_FOUND.message);
        }
        int counter = config.sectionCounter() + 1;
        String name = UciNames.anonymousName(counter, type);
        List<UciSection> sections = new ArrayList<>(config.sections());
        sections.add(new UciSection(type, name, true, List.of()));
        return new UciResult(config.withSections(sections, counter), List.of(name), List.of(), 0);
    }

    private UciResult packageCommand(String command, List<String> args) {
        if (command.equalsIgnoreCase("commit") || command.equalsIgnoreCase("changes")) {
            return args.isEmpty() || args.get(0).equals(config.packageName()) ? ok(List.of()) : fail(Failure.NOT_FOUND.message);
        }
        if (command.equalsIgnoreCase("export")) {
            return args.isEmpty() || args.get(0).equals(config.packageName())
                    ? ok(config.export().lines().toList()) : fail(Failure.NOT_FOUND.message);
        }
        if (args.isEmpty()) {
            return ok(config.show().lines().toList());
        }
        UciPointer.Parsed parsed = UciPointer.parse(args.get(0));
        if (parsed.failure().isPresent()) {
            return fail(parsed.failure().get().message);
        }
        UciPointer pointer = parsed.pointer().orElseThrow();
        if (!pointer.packageName().equals(config.packageName())) {
            return fail(Failure.NOT_FOUND.message);
        }
        if (pointer.sectionRef().isEmpty()) {
            return ok(config.show().lines().toList());
        }
        Optional<Integer> index = pointer.findSection(config.sections());
        if (index.isEmpty()) {
            return fail(Failure.NOT_FOUND.message);
        }
        UciSection section = config.sections().get(index.get());
        if (pointer.option().isEmpty()) {
            return ok(config.showSection(section, section.name()).lines().toList());
        }
        return section.options().stream().filter(entry -> entry.name().equals(pointer.option().get())).findFirst()
                .map(entry -> ok(config.showOption(section.name(), entry).lines().toList()))
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
        return new UciSectionCommand(config, pointer).run(command);
    }

    private UciResult ok(List<String> stdout) {
        return new UciResult(config, stdout, List.of(), 0);
    }

    private UciResult fail(String message) {
        return new UciResult(config, List.of(), List.of(message), 1);
    }
}
