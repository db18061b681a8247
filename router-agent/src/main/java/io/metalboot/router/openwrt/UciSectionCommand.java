package io.metalboot.router.openwrt;

import io.metalboot.router.openwrt.UciPointer.Failure;
import io.metalboot.router.openwrt.UciValue.ListValue;
import io.metalboot.router.openwrt.UciValue.StringValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The section commands of cli.c ({@code uci_do_section_cmd}) with list.c's checks: a command on an
 * option needs its section ({@code Invalid argument} otherwise), get/delete/rename/reorder need
 * the entry ({@code Entry not found}), {@code set pkg.name=type} creates a named section and
 * {@code set} with an empty value deletes.
 */
final class UciSectionCommand {
    private final UciConfig config;
    private final UciPointer pointer;
    private final Optional<Integer> index;

    UciSectionCommand(UciConfig config, UciPointer pointer) {
        this.config = config;
        this.pointer = pointer;
        this.index = pointer.findSection(config.sections());
    }

    UciResult run(String command) {
        return switch (command) {
            case "get" -> get();
            case "set" -> set();
            case "add_list" -> listEdit(true);
            case "del_list" -> listEdit(false);
            case "del", "delete" -> delete();
            case "rename", "ren" -> rename();
            default -> reorder();
        };
    }

    private Optional<UciSection> section() {
        return index.map(i -> config.sections().get(i));
    }

    private boolean complete() {
        return section().isPresent() && (pointer.option().isEmpty() || section().get().option(pointer.option().get()).isPresent());
    }

    private UciResult get() {
        if (pointer.sectionRef().isEmpty() || !complete()) {
            return fail(Failure.NOT_FOUND);
        }
        UciSection section = section().orElseThrow();
        if (pointer.option().isEmpty()) {
            return ok(config, List.of(section.type()));
        }
        UciValue value = section.option(pointer.option().get()).orElseThrow();
        String shown = switch (value) {
            case StringValue string -> string.value();
            case ListValue list -> String.join(" ", list.items().stream()
                    .map(item -> item.matches(".*[ \t\r\n].*") ? UciNames.quote(item) : item).toList());
        };
        return ok(config, List.of(shown));
    }

    private UciResult set() {
        if (pointer.value().isEmpty() || pointer.sectionRef().isEmpty()) {
            return fail(Failure.INVALID);
        }
        String value = pointer.value().get();
        if (pointer.option().isPresent()) {
            if (section().isEmpty()) {
                return fail(Failure.INVALID);
            }
            return replace(UciEdits.set(section().get(), pointer.option().get(), value));
        }
        if (section().isPresent()) {
            if (value.isEmpty()) {
                return delete();
            }
            if (!UciNames.isType(value)) {
                return fail(Failure.INVALID);
            }
            UciSection old = section().get();
            return replace(new UciSection(value, old.name(), old.anonymous(), old.options()));
        }
        if (value.isEmpty()) {
            return ok(config, List.of());
        }
        if (pointer.extended() || !UciNames.isType(value)) {
            return fail(Failure.INVALID);
        }
        List<UciSection> sections = new ArrayList<>(config.sections());
        sections.add(new UciSection(value, pointer.sectionRef().get(), false, List.of()));
        return ok(config.withSections(sections, config.sectionCounter() + 1), List.of());
    }

    private UciResult listEdit(boolean add) {
        if (section().isEmpty() || pointer.value().isEmpty() || pointer.option().isEmpty()) {
            return fail(Failure.INVALID);
        }
        String option = pointer.option().get();
        String value = pointer.value().get();
        return replace(add ? UciEdits.addList(section().get(), option, value) : UciEdits.delList(section().get(), option, value));
    }

    private UciResult delete() {
        if (pointer.sectionRef().isEmpty()) {
            return fail(Failure.INVALID);
        }
        if (!complete()) {
            return fail(Failure.NOT_FOUND);
        }
        UciSection section = section().orElseThrow();
        if (pointer.option().isEmpty()) {
            List<UciSection> sections = new ArrayList<>(config.sections());
            sections.remove((int) index.orElseThrow());
            return ok(config.withSections(sections, config.sectionCounter()), List.of());
        }
        String option = pointer.option().get();
        Optional<String> value = pointer.value().filter(text -> !text.isEmpty());
        if (value.isPresent()) {
            try {
                return replace(UciEdits.deleteItem(section, option, Integer.parseInt(value.get().strip())));
            } catch (NumberFormatException e) {
                return new UciResult(config, List.of(), List.of(), 1); // cli.c: sscanf fails, exit 1, no message
            }
        }
        return replace(section.without(option));
    }

    private UciResult rename() {
        if (!complete() || pointer.sectionRef().isEmpty()) {
            return fail(Failure.NOT_FOUND);
        }
        if (pointer.value().isEmpty() || !UciNames.isName(pointer.value().get())) {
            return fail(Failure.INVALID);
        }
        UciSection section = section().orElseThrow();
        String newName = pointer.value().get();
        if (pointer.option().isPresent()) {
            return replace(section.renamedOption(pointer.option().get(), newName));
        }
        return replace(new UciSection(section.type(), newName, false, section.options()));
    }

    private UciResult reorder() {
        if (section().isEmpty() || pointer.value().isEmpty()) {
            return fail(Failure.NOT_FOUND);
        }
        List<UciSection> sections = new ArrayList<>(config.sections());
        UciSection moved = sections.remove((int) index.orElseThrow());
        int position = Math.min(leadingNumber(pointer.value().get()), sections.size());
        sections.add(position, moved);
        return ok(config.withSections(sections, config.sectionCounter()), List.of());
    }

    /** {@code strtoul}: the leading digits, 0 when there are none. */
    private static int leadingNumber(String text) {
        String digits = text.strip().replaceFirst("^(\\d*).*$", "$1");
        return digits.isEmpty() ? 0 : (int) Math.min(Integer.MAX_VALUE, Long.parseLong(digits.length() > 10 ? "2147483647" : digits));
    }

    private UciResult replace(UciSection section) {
        List<UciSection> sections = new ArrayList<>(config.sections());
        sections.set(index.orElseThrow(), section);
        return ok(config.withSections(sections, config.sectionCounter()), List.of());
    }

    private static UciResult ok(UciConfig config, List<String> stdout) {
        return new UciResult(config, stdout, List.of(), 0);
    }

    private UciResult fail(Failure failure) {
        return new UciResult(config, List.of(), List.of(failure.message), 1);
    }
}
